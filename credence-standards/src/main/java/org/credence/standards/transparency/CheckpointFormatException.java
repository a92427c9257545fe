package org.credence.standards.transparency;

/** Checkpoint text or fields that do not follow the checkpoint format, with the broken rule in words. */
public final class CheckpointFormatException extends IllegalArgumentException {
    public CheckpointFormatException(String message) {
        super(message);
    }
}
