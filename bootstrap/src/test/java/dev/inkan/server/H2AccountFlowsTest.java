package dev.inkan.server;

import java.util.List;
import java.util.Map;

/** {@link AccountFlowsContract} on the embedded H2 database in the data folder, as the README runs the server. */
class H2AccountFlowsTest extends AccountFlowsContract {

    @Override
    void database(Map<String, String> env, List<AutoCloseable> toClose) {
        // the default: H2 in INKAN_DATA_DIR
    }
}
