package dev.inkan.adapter.persistence;

import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.Email;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/** Driven adapter: the {@link UserRepository} on a JDBI database, table {@code users}. */
public final class JdbiUserRepository implements UserRepository {

    private static final String INSERT = "INSERT INTO users (" + UserRow.COLUMNS + ") VALUES (" + UserRow.PARAMETERS + ")";
    private static final String SELECT = "SELECT " + UserRow.COLUMNS + " FROM users";

    private final JdbiStoreCalls calls;

    /** A repository on {@code jdbi}, whose schema {@link JdbiDatabase} has migrated. */
    public JdbiUserRepository(Jdbi jdbi) {
        this.calls = new JdbiStoreCalls(Objects.requireNonNull(jdbi, "jdbi"), "user store unavailable");
    }

    /**
     * @throws EmailAlreadyRegisteredException when the e-mail is taken, decided by the unique key so
     *         that of two concurrent registrations exactly one wins
     * @throws StoreUnavailableException when the database failed
     */
    @Override
    public void add(User user) {
        UserRow row = UserRow.from(user);
        calls.useTransaction(handle -> {
            try {
                row.bindTo(handle.createUpdate(INSERT)).execute();
            } catch (StatementException e) {
                // The only other unique key is the id, a random UUID: a clash there is not a real case.
                if (JdbiStoreCalls.isUniqueViolation(e)) {
                    throw new EmailAlreadyRegisteredException();
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return findOne("email", email.value());
    }

    @Override
    public Optional<User> findById(UserId id) {
        return findOne("id", id.value());
    }

    @Override
    public void updatePasswordHash(UserId id, PasswordHash hash) {
        calls.useTransaction(handle -> handle.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash.value())
                .bind("id", id.value())
                .execute());
    }

    private Optional<User> findOne(String column, Object value) {
        return calls.withHandle(handle -> handle.createQuery(SELECT + " WHERE " + column + " = :value")
                .bind("value", value)
                .map(UserRow::map)
                .findOne()
                .map(UserRow::toUser));
    }
}
