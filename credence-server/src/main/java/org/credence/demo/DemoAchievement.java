package org.credence.demo;

import java.util.List;

/**
 * A simulated programme and how its earners behave.
 *
 * @param weight share of all issuances
 * @param claimRate probability that a recipient claims the credential
 * @param shareRate probability that a claiming recipient shares it at least once
 * @param validityDays days until expiry, or 0 for none
 */
public record DemoAchievement(String key, String name, String kind, String description, String criteria, String programUrl,
                              List<String> skills, double weight, double claimRate, double shareRate, int validityDays) {}
