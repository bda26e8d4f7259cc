package dev.obskit.cli;

import dev.obskit.api.ObsClient;
import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import dev.obskit.plan.Change;
import dev.obskit.plan.Inventory;
import dev.obskit.plan.Plan;
import dev.obskit.plan.PlanTable;
import dev.obskit.plan.Selection;
import dev.obskit.run.AdaptiveLimiter;
import dev.obskit.run.ItemResult;
import dev.obskit.run.Journal;
import dev.obskit.run.PlanRunner;
import dev.obskit.run.Progress;
import dev.obskit.run.RunDirectory;
import dev.obskit.run.RunOutcome;
import dev.obskit.run.RunReport;
import dev.obskit.support.ObskitHome;
import jakarta.json.JsonObject;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The shared flow of every bulk job: select, plan, print; with {@code --apply}, back up, execute
 * with a journal, report. A job only says how its plan is made ({@link #plan}).
 */
public abstract class BulkJobCommand extends ObskitCommand {

    @Mixin
    protected ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    protected ScopeOptions scope = new ScopeOptions();

    @Mixin
    protected SelectionOptions selectionOptions = new SelectionOptions();

    @Mixin
    protected MutationOptions mutation = new MutationOptions();

    /** The job's alias, e.g. {@code obs-privacy}. */
    protected abstract String job();

    /** Validates job-specific options before anything is sent; throws {@link UsageException}. */
    protected void validateJobOptions(boolean resuming) {}

    /** The changes this job makes to the selected destinations (already filtered by the selection). */
    protected abstract List<Change> plan(List<Destination> selected);

    /**
     * The request body of a change, derived from what the change says it does. A resumed run
     * takes its bodies from here, never from the run folder; a change this job would not make
     * (an edited plan file) is refused with {@link UsageException}.
     */
    protected abstract JsonObject requestBody(Change change);

    /** Options that may come with --resume: where to connect and how to run, not what to change. */
    private static final Set<String> RESUME_OPTIONS = Set.of("--resume", "--sandbox", "--base-url", "--api-key-file",
            "--timeout", "--concurrency", "--report", "--output", "--quiet");

    @Override
    protected boolean quiet() {
        return mutation.quiet;
    }

    @Override
    public Integer call() throws Exception {
        mutation.validate();
        boolean resuming = mutation.resume != null;
        if (resuming) requireOnlyResumeOptions();
        validateJobOptions(resuming);
        Selection selection = resuming ? null : selectionOptions.toSelection();
        if (mutation.report != null) mutation.report = OutputFiles.checkWritable("--report", mutation.report);
        Path home = ObskitHome.resolve(env);
        AdaptiveLimiter limiter = new AdaptiveLimiter(mutation.concurrency(), 1000);
        try (ConnectionOptions.Connection conn = connection.open(env, mutation.concurrency(), this::warn, limiter::onThrottled)) {
            if (conn.sandbox() != null) info("Using " + conn.describe());
            String target = conn.sandbox() != null ? "sandbox:" + home : conn.client().settings().baseUrl();
            if (resuming) return resume(conn.client(), home, target, limiter);

            List<String> workspaces = scope.resolve(conn.client());
            List<Destination> all = Inventory.list(conn.client(), workspaces, mutation.concurrency());
            requireKnownIds(selection, all);
            List<Destination> selected = all.stream().filter(selection).toList();
            Plan plan = new Plan(job(), plan(selected), selected.size());
            if (selected.isEmpty()) {
                info("No destination matches the selection (" + selection.describe() + ") in "
                        + all.size() + " destination(s). Nothing to do.");
                if (mutation.output == MutationOptions.PlanFormat.json) printPlanJson(plan);
                return ExitCode.OK;
            }
            if (mutation.check) return check(plan);
            if (!mutation.apply) {
                printPlan(plan);
                if (!plan.isEmpty()) info("Nothing was changed. Run again with --apply to make "
                        + (plan.size() == 1 ? "this change." : "these " + plan.size() + " changes."));
                return ExitCode.OK;
            }
            if (plan.isEmpty()) {
                printPlan(plan);
                return ExitCode.OK;
            }
            RunDirectory run = RunDirectory.create(home, job());
            run.savePlan(meta(target), plan);
            run.saveBackup(touched(plan, selected));
            info("Run " + run.id() + ": applying " + plan.size() + " change(s) with concurrency " + mutation.concurrency()
                    + " (backup and journal in " + run.dir() + ")");
            return execute(conn.client(), run, plan, Set.of(), target, limiter);
        }
    }

    /** Ids asked for by --id or --ids-from must exist in scope: a typo or a wrong scope stops the run. */
    private static void requireKnownIds(Selection selection, List<Destination> all) {
        if (selection.ids().isEmpty()) return;
        Set<String> present = new java.util.HashSet<>();
        all.forEach(d -> present.add(d.id()));
        List<String> missing = selection.ids().stream().filter(id -> !present.contains(id)).sorted().toList();
        if (missing.isEmpty()) return;
        throw new UsageException(missing.size() + " of the " + selection.ids().size() + " ids asked for are not in the workspaces in scope: "
                + String.join(", ", missing.subList(0, Math.min(5, missing.size()))) + (missing.size() > 5 ? ", ..." : "")
                + " (another workspace? add --all-workspaces or --workspace). Nothing was changed.");
    }

    private int check(Plan plan) {
        printPlan(plan);
        if (plan.isEmpty()) return ExitCode.OK;
        info(plan.size() + " change(s) pending.");
        return ExitCode.PENDING;
    }

    /** --resume finishes a run as it was planned: a new selection or mode would be silently ignored, so it is refused. */
    private void requireOnlyResumeOptions() {
        List<String> others = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(o -> o.longestName()).filter(n -> !RESUME_OPTIONS.contains(n)).distinct().toList();
        if (!others.isEmpty()) {
            throw new UsageException("--resume finishes a run as it was planned; drop " + String.join(", ", others)
                    + " (to change something else, start a new run)");
        }
    }

    private int resume(ObsClient client, Path home, String target, AdaptiveLimiter limiter) throws Exception {
        RunDirectory run = RunDirectory.open(home, mutation.resume);
        JsonObject meta = run.meta();
        if (!job().equals(meta.getString("job", ""))) {
            throw new UsageException("--resume " + run.id() + ": that run is a " + meta.getString("job", "?") + " run, not " + job());
        }
        if (!target.equals(meta.getString("target", ""))) {
            throw new UsageException("--resume " + run.id() + ": that run was made against " + meta.getString("target", "?")
                    + ", not " + target);
        }
        Plan saved = run.loadPlan();
        List<Change> rebuilt = new java.util.ArrayList<>();
        for (Change c : saved.changes()) {
            try {
                rebuilt.add(c.withBody(requestBody(c)));
            } catch (UsageException e) {
                throw new UsageException("run " + run.id() + ": plan.json holds a change " + job() + " does not make (item "
                        + c.key() + ": " + e.getMessage() + "); nothing was sent");
            }
        }
        Plan plan = new Plan(saved.job(), List.copyOf(rebuilt), saved.matched());
        Set<String> done = PlanRunner.doneKeys(run.journal());
        if (done.containsAll(plan.changes().stream().map(Change::key).toList())) {
            info("Run " + run.id() + ": nothing left to do; all " + plan.size() + " change(s) are done.");
            return ExitCode.OK;
        }
        info("Resuming run " + run.id() + ": " + done.size() + " of " + plan.size() + " change(s) already done.");
        return execute(client, run, plan, done, target, limiter);
    }

    @SuppressWarnings("try") // the run lock is held by the try block, not used in it
    private int execute(ObsClient client, RunDirectory run, Plan plan, Set<String> done, String target,
                        AdaptiveLimiter limiter) throws Exception {
        Instant started = Instant.now();
        PlanRunner runner = new PlanRunner(client, mutation.concurrency(), limiter);
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            runner.stop();
            err().println();
            err().println("Interrupted: finishing the requests in flight. To finish the rest: " + job() + " --resume "
                    + run.id() + " (with the same connection options)");
            err().flush();
            try {
                // the JVM halts when this hook returns: wait for the journal and the report
                reported.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            RunOutcome outcome;
            try (java.nio.channels.FileLock lock = run.lock(); Journal journal = Journal.open(run.journalFile())) {
                Progress progress = new Progress(err(), !mutation.quiet && Progress.stderrIsTerminal(), plan.size() - done.size());
                outcome = runner.run(plan, journal, done, progress);
            }
            JsonObject report = RunReport.build(run.id(), job(), target, started, Instant.now(), outcome, plan.matched(), done.size());
            RunReport.write(run.reportFile(), report);
            if (mutation.report != null) RunReport.write(mutation.report, report);
            printResults(outcome, report);
            summarize(run, outcome, done.size());
            return outcome.exitCode();
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: Ctrl-C
            }
        }
    }

    private void printResults(RunOutcome outcome, JsonObject report) {
        if (mutation.output == MutationOptions.PlanFormat.json) {
            out().println(Jsons.write(report));
            out().flush();
            return;
        }
        Map<Change, ItemResult> byChange = new HashMap<>();
        outcome.results().forEach(r -> byChange.put(r.change(), r));
        Function<Change, String> status = c -> byChange.get(c).status().label();
        PlanTable.print(out(), outcome.results().stream().map(ItemResult::change).toList(), status);
        for (ItemResult r : outcome.results()) {
            if (r.status() == ItemResult.Status.FAILED) {
                err().println("FAILED " + r.change().action().label() + " " + r.change().id() + ": " + r.error());
            }
        }
        err().flush();
    }

    private void summarize(RunDirectory run, RunOutcome outcome, int earlier) {
        String line = "Run " + run.id() + ": " + outcome.count(ItemResult.Status.DONE) + " done"
                + (earlier > 0 ? " (+" + earlier + " in an earlier attempt)" : "")
                + ", " + outcome.count(ItemResult.Status.FAILED) + " failed"
                + ", " + outcome.count(ItemResult.Status.NOT_ATTEMPTED) + " not attempted."
                + (mutation.report != null ? " Report: " + mutation.report : "");
        if (outcome.exitCode() != ExitCode.OK) {
            err().println(line);
            if (outcome.interrupted() || outcome.count(ItemResult.Status.NOT_ATTEMPTED) > 0 || outcome.count(ItemResult.Status.FAILED) > 0) {
                err().println("To finish the rest: " + job() + " --resume " + run.id() + " (with the same connection options)");
            }
            err().flush();
        } else {
            info(line);
        }
    }

    private void printPlan(Plan plan) {
        if (mutation.output == MutationOptions.PlanFormat.json) {
            printPlanJson(plan);
            return;
        }
        info("Plan: " + plan.size() + " of " + plan.matched() + " selected destination(s) need a change"
                + (plan.matched() > plan.size() ? "; " + (plan.matched() - plan.size()) + " already as wanted." : "."));
        if (!plan.isEmpty()) PlanTable.print(out(), plan.changes(), null);
    }

    private void printPlanJson(Plan plan) {
        out().println(Jsons.write(plan.toJson()));
        out().flush();
    }

    private JsonObject meta(String target) {
        return Jsons.JSON.createObjectBuilder()
                .add("job", job())
                .add("target", target)
                .add("created_at", Instant.now().toString())
                .add("concurrency", mutation.concurrency())
                .build();
    }

    private static List<Destination> touched(Plan plan, List<Destination> selected) {
        Set<String> ids = new java.util.HashSet<>();
        plan.changes().forEach(c -> { if (c.id() != null) ids.add(c.id()); });
        return selected.stream().filter(d -> ids.contains(d.id())).toList();
    }
}
