package dev.inkan.adapter.crypto;

import java.util.Base64;
import java.util.Optional;

/**
 * The PHC string format of an Argon2id hash: {@code $argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>}, salt
 * and hash in standard base64 without padding, as the reference implementation writes it.
 */
record PhcString(Argon2Parameters parameters, byte[] salt, byte[] hash) {

    static final int VERSION = 19;
    private static final String PREFIX = "$argon2id$v=" + VERSION + "$";

    String format() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p=" + parameters.parallelism()
                + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** @return the parts of an Argon2id v19 PHC string, or empty when it is anything else */
    static Optional<PhcString> parse(String phc) {
        if (phc == null || !phc.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = phc.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String[] costs = parts[0].split(",", -1);
            if (costs.length != 3 || !costs[0].startsWith("m=") || !costs[1].startsWith("t=") || !costs[2].startsWith("p=")) {
                return Optional.empty();
            }
            Argon2Parameters parameters = new Argon2Parameters(Integer.parseInt(costs[0].substring(2)),
                    Integer.parseInt(costs[1].substring(2)), Integer.parseInt(costs[2].substring(2)));
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] hash = Base64.getDecoder().decode(parts[2]);
            if (salt.length < 8 || hash.length < 4 || parts[1].endsWith("=") || parts[2].endsWith("=")) {
                return Optional.empty();
            }
            return Optional.of(new PhcString(parameters, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
