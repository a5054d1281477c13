package dev.inkan.adapter.crypto;

import com.nulabinc.zxcvbn.StandardDictionaries;
import dev.inkan.application.port.out.CommonPasswords;
import dev.inkan.domain.Password;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Driven adapter: the {@link CommonPasswords} of zxcvbn4j's frequency list, the 30,000 most common
 * passwords of leaked password sets, as the zxcvbn project keeps them (lower case). Only the list is
 * used, never zxcvbn's scoring. Loaded once, at construction; the set is never changed after, so
 * sharing it between threads is safe.
 */
public final class ZxcvbnCommonPasswords implements CommonPasswords {

    private final Set<String> passwords;

    /** @throws UncheckedIOException when the list cannot be read from zxcvbn4j's jar */
    public ZxcvbnCommonPasswords() {
        List<String> list;
        try {
            list = StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies();
        } catch (IOException e) {
            throw new UncheckedIOException("zxcvbn4j's list of common passwords cannot be read", e);
        }
        Set<String> lowerCase = new HashSet<>(list.size() * 2);
        list.forEach(password -> lowerCase.add(password.toLowerCase(Locale.ROOT)));
        this.passwords = Set.copyOf(lowerCase);
    }

    /** @return how many passwords the list holds */
    public int size() {
        return passwords.size();
    }

    @Override
    public boolean contains(Password password) {
        return passwords.contains(password.value().toLowerCase(Locale.ROOT));
    }
}
