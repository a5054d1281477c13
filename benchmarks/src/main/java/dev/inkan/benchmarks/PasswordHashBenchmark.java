package dev.inkan.benchmarks;

import dev.inkan.adapter.crypto.Argon2NativePasswordHasher;
import dev.inkan.adapter.crypto.Argon2Parameters;
import dev.inkan.adapter.crypto.BouncyCastleArgon2PasswordHasher;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Checking one password against its Argon2id hash with the server's default parameters (OWASP's
 * minimum: 19 MiB, 2 iterations, 1 lane): what each login costs. Run with {@code -t} set to the
 * number of cores, its throughput is the most logins per second the machine can do; the HTTP
 * benchmark compares {@code POST /auth/login} with it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class PasswordHashBenchmark {

    private final Password password = new Password("correct horse battery staple");
    private PasswordHasher argon2Native;
    private PasswordHasher argon2BouncyCastle;
    private PasswordHash hash;

    @Setup
    public void setUp() {
        argon2Native = new Argon2NativePasswordHasher(Argon2Parameters.OWASP_MINIMUM);
        argon2BouncyCastle = new BouncyCastleArgon2PasswordHasher(Argon2Parameters.OWASP_MINIMUM);
        hash = argon2Native.hash(password);
    }

    @Benchmark
    public boolean argon2Native() {
        return argon2Native.verify(hash, password);
    }

    @Benchmark
    public boolean argon2BouncyCastle() {
        return argon2BouncyCastle.verify(hash, password);
    }
}
