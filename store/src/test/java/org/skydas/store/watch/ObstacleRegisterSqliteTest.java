package org.skydas.store.watch;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

class ObstacleRegisterSqliteTest extends ObstacleRegisterContract {

    @TempDir
    Path dir;

    @Override
    WatchStore open() throws Exception {
        return WatchStore.openSqlite(dir);
    }
}
