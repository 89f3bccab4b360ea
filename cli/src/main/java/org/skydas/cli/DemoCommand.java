package org.skydas.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skydas demo}: the one-command start. Creates the Lithuania demo scenario in the data
 * directory if it is missing and serves it. (The live simulation joins it in a later version.)
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create the Lithuania demo scenario if missing and serve it on http://localhost:8080/.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--cot-port", defaultValue = "8087", description = "Cursor-on-Target in (default ${DEFAULT-VALUE}).")
    int cotPort;

    @Option(names = "--tak-out-port", defaultValue = "8089", description = "CoT out to TAK clients (default ${DEFAULT-VALUE}).")
    int takOutPort;

    @Option(names = "--data-dir", defaultValue = "skydas-data", paramLabel = "DIR",
            description = "Where the demo keeps its files (default ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        ServeCommand.serve(ServeCommand.ensureDemo(dataDir), host, port, dataDir, null, cotPort, takOutPort);
        return 0;
    }
}
