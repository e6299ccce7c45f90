package conform.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conform.diag.ExitCode;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run that gives the model inventory its listing (check-model --report-dir) starts its entry without the spec's
 * models registered up front, and still waits for them as any run does: its verdicts are those of a run without
 * --report-dir.
 */
@ExtendWith(RealRuntimes.class)
class ListedRunTest {

    @RegisterExtension
    final TempProject work = TempProject.create();

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void aModelDefinedAfterTheRuntimeAnswersIsWaitedFor(String transport) throws Exception {
        Path python = RepoRoot.find().resolve("entries/python");
        work.write("entries/late.py", """
            import asyncio
            import time

            from genkit import Genkit, ModelResponse

            ai = Genkit()
            # Genkit() has started answering reflection calls (over v2 it has registered): the model comes later.
            time.sleep(0.5)


            async def late(request, ctx):
                return ModelResponse.model_validate(
                    {'message': {'role': 'model', 'content': [{'text': 'here at last'}]}, 'finishReason': 'stop'})


            ai.define_model(name='conformtest/late', fn=late)


            async def main():
                await asyncio.Event().wait()


            if __name__ == '__main__':
                ai.run_main(main())
            """);
        work.write("specs/late.yaml", """
            - model: conformtest/late
              tests:
                - name: Answers
                  input: {messages: [{role: user, content: [{text: hi}]}]}
                  validators: [text-not-empty]
            """);
        work.write("conform.toml", """
            [conform]
            max-retries = 0
            startup-timeout = 90
            [conform.runtimes.python]
            cwd = "%s"
            entries-dir = "%s"
            """.formatted(python, work.path("entries")));
        Fixtures.Outcome o = Fixtures.checkModel(
                work.root(),
                work.path("conform.toml"),
                work.path("r"),
                "--specs-dir",
                work.path("specs").toString(),
                "--transport",
                transport);
        o.cli().expect(ExitCode.OK);
        assertEquals("passed", o.result("Answers").get("status").asText(), o.toString());
        assertTrue(Files.readString(work.path("r/models.json")).contains("conformtest/late"), "the inventory lists it");
    }
}
