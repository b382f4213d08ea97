package local.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Neo4j Community in this process, with Bolt on the loopback and authentication on: the
 * production engine for tests, CI and machines without Docker.
 *
 * Environment: NEO4J_PASSWORD (required, 8+ characters; becomes the password of user neo4j),
 * NEO4J_LOCAL_PORT (Bolt port, default 7687), NEO4J_LOCAL_DIR (data folder, default
 * data/neo4j-local), NEO4J_LOCAL_CONF (settings file, default neo4j.conf beside the pom).
 * Prints "NEO4J_URI=bolt://127.0.0.1:PORT" once Bolt accepts connections; stops cleanly on
 * SIGTERM or SIGINT.
 */
public final class LocalNeo4j {
    public static void main(String[] args) throws Exception {
        String password = env("NEO4J_PASSWORD", "");
        if (password.length() < 8) fail("NEO4J_PASSWORD must be set, 8 characters or more");
        int port = Integer.parseInt(env("NEO4J_LOCAL_PORT", "7687"));
        Path home = Path.of(env("NEO4J_LOCAL_DIR", "data/neo4j-local")).toAbsolutePath();
        Path conf = Path.of(env("NEO4J_LOCAL_CONF", "tools/neo4j-local/neo4j.conf")).toAbsolutePath();
        if (!Files.isRegularFile(conf)) fail("settings file not found: " + conf);
        // LOAD CSV file URLs are off; the import folder is pointed at an empty one as well.
        Path emptyImport = Files.createDirectories(home.resolve("import-empty"));
        try (var entries = Files.list(emptyImport)) {
            if (entries.findAny().isPresent()) fail("the import folder must stay empty: " + emptyImport);
        }

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, emptyImport)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j-local: stopping");
            dbms.shutdown();
            System.out.println("neo4j-local: stopped");
            stopped.countDown();
        }, "neo4j-local-shutdown"));

        setPassword(dbms, password);
        waitForBolt(port);
        System.out.println("NEO4J_URI=bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    /**
     * The embedded API runs with full rights, so the system database takes the password of the
     * built-in user directly (the same as NEO4J_AUTH does for the image), at every start: a
     * changed NEO4J_PASSWORD takes effect.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Setting the password it already has is refused, and is what we want anyway.
            if (!e.getMessage().contains("Old password and new password cannot be the same")) throw e;
        }
    }

    private static void waitForBolt(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail("Bolt did not accept connections on 127.0.0.1:" + port);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static void fail(String message) {
        System.err.println("neo4j-local: " + message);
        System.exit(2);
    }
}
