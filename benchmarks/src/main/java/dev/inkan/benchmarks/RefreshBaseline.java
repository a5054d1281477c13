package dev.inkan.benchmarks;

import dev.inkan.adapter.persistence.DatabaseSettings;
import dev.inkan.adapter.persistence.JdbiDatabase;
import dev.inkan.adapter.persistence.JdbiRevocationFeed;
import dev.inkan.adapter.persistence.JdbiSecurityEventLog;
import dev.inkan.adapter.persistence.JdbiSessionStore;
import dev.inkan.adapter.persistence.JdbiUserRepository;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.domain.Email;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.server.InkanSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The database's own pace for refreshes, beside which {@code benchmarks/http/run.sh} puts
 * {@code POST /auth/refresh}: the statements one refresh runs (find the presented token by hash,
 * read its user, spend the token and store its successor), through Inkan's own stores, so the SQL
 * is the adapter's and nothing else. The database is configured from the environment as the
 * server configures it (the H2 file in {@code INKAN_DATA_DIR} with the server's URL and durability
 * settings, or {@code INKAN_DB_URL}; the same HikariCP pool and Flyway migrations). Each thread
 * rotates a session of its own, presenting the successor it stored a moment ago, as
 * {@code refresh.lua} does over HTTP.
 *
 * <pre>
 * java -cp benchmarks.jar dev.inkan.benchmarks.RefreshBaseline THREADS SECONDS [WARM-UP-SECONDS]
 *     refreshes unmeasured for the warm-up (3 s unless given), then for SECONDS, and prints one
 *     line: "transactions/s p50 p90 p99 cpu machine" (milliseconds; cpu is this process's CPU time
 *     per transaction, machine the busy time of all the machine's cores per transaction, from
 *     Linux's /proc/stat, or "-" where there is none)
 * java -cp benchmarks.jar dev.inkan.benchmarks.RefreshBaseline --pgbench CLIENTS SCRIPT
 *     PostgreSQL only: seeds CLIENTS sessions, rotates one of them once, writes the statements that
 *     rotation ran as a pgbench script (see {@link PgbenchScript}) and prints the -D options it needs
 * </pre>
 */
public final class RefreshBaseline {

    private static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(3);
    private static final Duration REFRESH_TTL = Duration.ofDays(7);
    /** A well-formed PHC string: nothing here checks a password. */
    private static final PasswordHash NO_PASSWORD = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA");

    private final JdbiDatabase database;
    private final JdbiSessionStore sessions;
    private final JdbiUserRepository users;
    private final Clock clock = Clock.systemUTC();

    private RefreshBaseline(DatabaseSettings settings) {
        database = JdbiDatabase.start(settings);
        // The server's defaults (access tokens of 15 minutes, 30 s of leeway): only the revocation log reads them.
        JdbiRevocationFeed feed = database.revocationFeed(Duration.ofMinutes(15), Duration.ofSeconds(30), clock);
        JdbiSecurityEventLog events = database.securityEventLog();
        users = new JdbiUserRepository(database.jdbi(), feed, events);
        sessions = new JdbiSessionStore(database.jdbi(), feed, events);
    }

    public static void main(String[] args) throws Exception {
        DatabaseSettings settings = InkanSettings.from(ConfigSource.fromEnvironment()).database();
        RefreshBaseline baseline = new RefreshBaseline(settings);
        try {
            if (args.length == 3 && args[0].equals("--pgbench")) {
                baseline.writePgbenchScript(Integer.parseInt(args[1]), Path.of(args[2]));
            } else if (args.length == 2 || args.length == 3) {
                baseline.run(Integer.parseInt(args[0]), Duration.ofSeconds(Long.parseLong(args[1])),
                        args.length == 3 ? Duration.ofSeconds(Long.parseLong(args[2])) : DEFAULT_WARM_UP);
            } else {
                System.err.println("usage: RefreshBaseline THREADS SECONDS [WARM-UP-SECONDS] | RefreshBaseline --pgbench CLIENTS SCRIPT");
                System.exit(2);
            }
        } finally {
            baseline.database.close();
        }
    }

    private void run(int threads, Duration duration, Duration warmUp) throws InterruptedException {
        List<Chain> chains = seed(threads);
        measure(chains, warmUp);
        long cpuBefore = processCpuNanos();
        OptionalLong busyBefore = MachineTime.busyNanos();
        long[] latencies = measure(chains, duration);
        long cpu = processCpuNanos() - cpuBefore;
        OptionalLong busyAfter = MachineTime.busyNanos();
        int count = latencies.length;
        String machine = busyBefore.isPresent() && busyAfter.isPresent()
                ? String.format(Locale.ROOT, "%.3fms", (busyAfter.getAsLong() - busyBefore.getAsLong()) / 1e6 / count)
                : "-";
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%.1f %.2fms %.2fms %.2fms %.3fms %s%n", count / (duration.toNanos() / 1e9),
                percentile(latencies, 50) / 1e6, percentile(latencies, 90) / 1e6, percentile(latencies, 99) / 1e6,
                cpu / 1e6 / count, machine);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void writePgbenchScript(int clients, Path script) throws IOException {
        if (!database.isPostgres()) {
            throw new IllegalStateException("the pgbench script is for PostgreSQL: set INKAN_DB_URL to a jdbc:postgresql: URL");
        }
        List<Chain> chains = seed(clients);
        List<String> statements = new ArrayList<>();
        database.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRawSql());
            }
        });
        chains.get(0).refresh();
        database.jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        Files.writeString(script, PgbenchScript.of(statements), StandardCharsets.UTF_8);
        Instant now = clock.instant();
        System.out.println(PgbenchScript.defines(now, now.minus(Session.LAST_USE_PRECISION), now.plus(REFRESH_TTL)));
    }

    /** One user with a session per thread, each with its first refresh token, as logins leave them. */
    private List<Chain> seed(int count) {
        Instant now = clock.instant();
        UserId user = new UserId(UUID.randomUUID());
        users.add(User.register(user, new Email("baseline-" + user.value() + "@example.com"), NO_PASSWORD, now));
        List<Chain> chains = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SessionId session = new SessionId(UUID.randomUUID());
            RefreshTokenHash first = randomHash();
            SecurityEvent loggedIn = SecurityEvent.of(UUID.randomUUID(), now, SecurityEventType.LOGIN_SUCCEEDED, user,
                    RequestOrigin.cli()).withSession(session);
            if (!sessions.start(Session.start(session, user, now, Optional.of("RefreshBaseline")),
                    RefreshTokenRecord.issue(UUID.randomUUID(), user, session, now, first, now, now.plus(REFRESH_TTL)), loggedIn)) {
                throw new IllegalStateException("the session did not start");
            }
            chains.add(new Chain(first));
        }
        return chains;
    }

    /** Runs every chain on a thread of its own for {@code duration}; returns each refresh's nanoseconds. */
    private long[] measure(List<Chain> chains, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = chains.stream().map(chain -> new Thread(() -> chain.refreshUntil(end))).toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        return chains.stream().flatMapToLong(chain -> Arrays.stream(chain.drain())).toArray();
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(percent / 100.0 * sorted.length) - 1];
    }

    private static RefreshTokenHash randomHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return new RefreshTokenHash(HexFormat.of().formatHex(bytes));
    }

    /** One session's refresh tokens, rotated one after the other by one thread. */
    private final class Chain {
        private RefreshTokenHash current;
        private long[] latencies = new long[1 << 14];
        private int count;
        private RuntimeException failure;

        Chain(RefreshTokenHash first) {
            current = first;
        }

        /** What the refresh service asks of the stores for one refresh: find, read the user, rotate. */
        void refresh() {
            RefreshTokenRecord presented = sessions.findToken(current)
                    .orElseThrow(() -> new IllegalStateException("the presented token is not stored"));
            users.findById(presented.userId()).orElseThrow(() -> new IllegalStateException("the user is not stored"));
            Instant now = clock.instant();
            RefreshTokenRecord next = RefreshTokenRecord.issue(UUID.randomUUID(), presented.userId(), presented.familyId(),
                    presented.sessionStartedAt(), randomHash(), now, now.plus(REFRESH_TTL));
            if (!sessions.rotate(presented.tokenHash(), next, now)) {
                throw new IllegalStateException("the rotation spent nothing");
            }
            current = next.tokenHash();
        }

        void refreshUntil(long end) {
            try {
                for (long start = System.nanoTime(); start < end; start = System.nanoTime()) {
                    refresh();
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = System.nanoTime() - start;
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        long[] drain() {
            if (failure != null) {
                throw failure;
            }
            long[] taken = Arrays.copyOf(latencies, count);
            count = 0;
            return taken;
        }
    }
}
