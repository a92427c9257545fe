package org.credence.demo;

/** Receives a simulation as it is generated: every credential before any of its events. */
public interface SimulationSink {
    void credential(SimulatedCredential credential);

    void event(SimulatedEvent event);
}
