///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DESCRIPTION obskit library: API client, models, sandbox, CSV and plans for OpenRouter observability destinations.
//DESCRIPTION Pull it into your own script with //SOURCES obskit@<catalog>, or open it in JShell with the obs alias.
//DEPS org.apache.httpcomponents.client5:httpclient5:5.6.5
//DEPS jakarta.json:jakarta.json-api:2.1.3
//DEPS org.eclipse.parsson:parsson:1.1.9
//DEPS org.apache.commons:commons-csv:1.14.1
//DEPS info.picocli:picocli:4.7.7
//DEPS org.slf4j:slf4j-nop:1.7.36
// Every library source is listed explicitly: JBang drops //SOURCES globs when a script is fetched
// from a URL. CatalogConsistencyTest keeps this list and the //DEPS above in step with lib/ and pom.xml.
//SOURCES dev/obskit/api/ApiException.java
//SOURCES dev/obskit/api/ClientSettings.java
//SOURCES dev/obskit/api/Clients.java
//SOURCES dev/obskit/api/CreateReconciler.java
//SOURCES dev/obskit/api/ErrorBodies.java
//SOURCES dev/obskit/api/HttpCall.java
//SOURCES dev/obskit/api/HttpResult.java
//SOURCES dev/obskit/api/NotManagementKeyException.java
//SOURCES dev/obskit/api/ObsClient.java
//SOURCES dev/obskit/api/Page.java
//SOURCES dev/obskit/api/Paginator.java
//SOURCES dev/obskit/api/RejectedKeyException.java
//SOURCES dev/obskit/api/Retrier.java
//SOURCES dev/obskit/api/RetryAfter.java
//SOURCES dev/obskit/api/RetryClassifier.java
//SOURCES dev/obskit/api/RetryPolicy.java
//SOURCES dev/obskit/api/SeenIds.java
//SOURCES dev/obskit/api/Sleeper.java
//SOURCES dev/obskit/api/Transport.java
//SOURCES dev/obskit/api/Version.java
//SOURCES dev/obskit/cli/BulkJobCommand.java
//SOURCES dev/obskit/cli/Cli.java
//SOURCES dev/obskit/cli/ConnectionOptions.java
//SOURCES dev/obskit/cli/ExitCode.java
//SOURCES dev/obskit/cli/ExportCommand.java
//SOURCES dev/obskit/cli/MissingKeyException.java
//SOURCES dev/obskit/cli/MutationOptions.java
//SOURCES dev/obskit/cli/ObskitCommand.java
//SOURCES dev/obskit/cli/OutputFiles.java
//SOURCES dev/obskit/cli/PrivacyCommand.java
//SOURCES dev/obskit/cli/ScopeOptions.java
//SOURCES dev/obskit/cli/SelectionOptions.java
//SOURCES dev/obskit/cli/UsageException.java
//SOURCES dev/obskit/csv/CsvCells.java
//SOURCES dev/obskit/csv/DestinationCsv.java
//SOURCES dev/obskit/export/DestinationWriter.java
//SOURCES dev/obskit/export/ExportFormat.java
//SOURCES dev/obskit/export/Exporter.java
//SOURCES dev/obskit/json/Jsons.java
//SOURCES dev/obskit/model/ConfigKey.java
//SOURCES dev/obskit/model/Destination.java
//SOURCES dev/obskit/model/DestinationType.java
//SOURCES dev/obskit/model/KeyInfo.java
//SOURCES dev/obskit/model/Workspace.java
//SOURCES dev/obskit/plan/Change.java
//SOURCES dev/obskit/plan/FieldChange.java
//SOURCES dev/obskit/plan/Glob.java
//SOURCES dev/obskit/plan/Inventory.java
//SOURCES dev/obskit/plan/Plan.java
//SOURCES dev/obskit/plan/PlanTable.java
//SOURCES dev/obskit/plan/Selection.java
//SOURCES dev/obskit/run/AdaptiveLimiter.java
//SOURCES dev/obskit/run/ItemResult.java
//SOURCES dev/obskit/run/Journal.java
//SOURCES dev/obskit/run/PlanRunner.java
//SOURCES dev/obskit/run/Progress.java
//SOURCES dev/obskit/run/RunDirectory.java
//SOURCES dev/obskit/run/RunOutcome.java
//SOURCES dev/obskit/run/RunReport.java
//SOURCES dev/obskit/sandbox/Account.java
//SOURCES dev/obskit/sandbox/AccountGenerator.java
//SOURCES dev/obskit/sandbox/ApiError.java
//SOURCES dev/obskit/sandbox/ConfigRules.java
//SOURCES dev/obskit/sandbox/DemoAccount.java
//SOURCES dev/obskit/sandbox/DestinationJson.java
//SOURCES dev/obskit/sandbox/DestinationRules.java
//SOURCES dev/obskit/sandbox/FaultInjector.java
//SOURCES dev/obskit/sandbox/Faults.java
//SOURCES dev/obskit/sandbox/FilterRules.java
//SOURCES dev/obskit/sandbox/Issues.java
//SOURCES dev/obskit/sandbox/Regions.java
//SOURCES dev/obskit/sandbox/RequestLog.java
//SOURCES dev/obskit/sandbox/SampleConfigs.java
//SOURCES dev/obskit/sandbox/Sandbox.java
//SOURCES dev/obskit/sandbox/SandboxApi.java
//SOURCES dev/obskit/sandbox/SandboxCommand.java
//SOURCES dev/obskit/sandbox/SandboxKey.java
//SOURCES dev/obskit/sandbox/SandboxOptions.java
//SOURCES dev/obskit/sandbox/SandboxRouter.java
//SOURCES dev/obskit/sandbox/SandboxState.java
//SOURCES dev/obskit/sandbox/SandboxWorkspace.java
//SOURCES dev/obskit/sandbox/StateFile.java
//SOURCES dev/obskit/sandbox/StateFlusher.java
//SOURCES dev/obskit/sandbox/StoredDestination.java
//SOURCES dev/obskit/sandbox/Timestamps.java
//SOURCES dev/obskit/secrets/Masking.java
//SOURCES dev/obskit/shell/ClassPath.java
//SOURCES dev/obskit/shell/InteractiveShell.java
//SOURCES dev/obskit/shell/ScriptRunner.java
//SOURCES dev/obskit/shell/Session.java
//SOURCES dev/obskit/shell/ShellCommand.java
//SOURCES dev/obskit/shell/Startup.java
//SOURCES dev/obskit/support/ObskitHome.java
//SOURCES dev/obskit/support/SafeFiles.java

/** Running the library itself prints its version; its use is as a source set for other scripts. */
public class Obskit {
    public static void main(String[] args) {
        System.out.println("obskit " + dev.obskit.api.Version.VERSION);
    }
}
