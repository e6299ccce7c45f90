package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import conform.config.LocalSource;
import conform.support.TempProject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A local source's git state, read with the real git: the commit, and whether its directory has changes. */
class SourceRevisionTest {

    @RegisterExtension
    private final TempProject repo = TempProject.create();

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("git", "-C", repo.root().toString(), "-c", "user.name=t", "-c", "user.email=t@example.com"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes());
        assertTrue(git.waitFor(30, TimeUnit.SECONDS), "git " + String.join(" ", args));
        assertEquals(0, git.exitValue(), output);
    }

    private SourceRevision revision(String dir) {
        return SourceRevision.of(new LocalSource("js", "pkg", repo.path(dir), "--source js:pkg=" + dir, null));
    }

    @Test
    void aDirectoryOutsideGitHasNoCommit() {
        repo.write("plugin/package.json", "{}");
        SourceRevision r = revision("plugin");
        assertNull(r.commit());
        assertNull(r.dirty());
        assertEquals("pkg from " + repo.path("plugin") + " (not a git checkout)", r.describe());
    }

    @Test
    void aCheckoutHasItsCommitAndIsDirtyWithChangesInTheDirectoryOnly() throws Exception {
        repo.write("plugin/package.json", "{}").write("other/README", "x").write(".gitignore", "downloads/\n");
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "one");
        SourceRevision clean = revision("plugin");
        assertEquals(40, clean.commit().length(), clean.toString());
        assertEquals(false, clean.dirty());
        assertTrue(clean.describe().endsWith("(git " + clean.commit().substring(0, 12) + ")"), clean.describe());

        repo.write("other/README", "changed");
        assertEquals(false, revision("plugin").dirty(), "a change elsewhere in the checkout is not the plugin's");
        repo.write("plugin/new.js", "");
        assertEquals(true, revision("plugin").dirty(), "an untracked file is a change");
        assertTrue(revision("plugin").describe().endsWith(", uncommitted changes)"));

        repo.write("downloads/pkg/package.json", "{}");
        assertNull(revision("downloads/pkg").commit(), "an ignored folder is not the checkout's code");
    }
}
