package dev.obskit.shell;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runs a {@code .jsh} file without a prompt, snippet by snippet, in this JVM, and stops at the first
 * snippet that does not compile or throws, naming the file and line. Unlike {@code jshell FILE},
 * whose exit code is 0 whatever happened, the outcome is a result a caller can turn into an exit
 * code. What the snippets print goes straight to {@code System.out}; expression values are not
 * echoed, so a file prints exactly what it asks to. The only command understood is {@code /exit}.
 */
final class ScriptRunner {
    /** A JShell command such as {@code /exit} or {@code /list}, not a {@code //} or {@code /*} comment. */
    private static final Pattern COMMAND = Pattern.compile("/[A-Za-z!?-]");

    private final PrintWriter err;
    private final boolean debug;

    ScriptRunner(PrintWriter err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    /** Runs the startup, then {@code source}; true when every snippet ran. */
    boolean run(String name, String source) {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(ClassPath.current());
            return runAll(shell, "(startup)", Startup.text()) && runAll(shell, name, source);
        }
    }

    private boolean runAll(JShell shell, String name, String source) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = source;
        int line = 1;
        while (true) {
            String trimmed = rest.stripLeading();
            line += newlines(rest.substring(0, rest.length() - trimmed.length()));
            rest = trimmed;
            if (rest.isEmpty()) return true;
            if (COMMAND.matcher(rest).lookingAt()) {
                String command = rest.lines().findFirst().orElse("").strip();
                if (command.equals("/exit") || command.startsWith("/exit ")) return true;
                return fail(name, line, "only /exit is supported in a script, not " + command);
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) return true; // only comments left
            if (!info.completeness().isComplete()) {
                return fail(name, line, "incomplete snippet at the end of the file: " + firstLine(rest));
            }
            String snippet = info.source();
            if (!eval(shell, name, line + leadingComments(snippet), snippet)) return false;
            int consumed = rest.length() - info.remaining().length();
            line += newlines(rest.substring(0, consumed));
            rest = info.remaining();
        }
    }

    private boolean eval(JShell shell, String name, int line, String source) {
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() != null) continue; // a dependent snippet updated, not this one
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                List<Diag> diags = shell.diagnostics(snippet).toList();
                String message = diags.isEmpty() ? "does not compile" : diags.get(0).getMessage(Locale.ROOT);
                int at = diags.isEmpty() ? 0 : (int) Math.max(0, diags.get(0).getStartPosition());
                return fail(name, line - leadingComments(source) + newlines(source.substring(0, Math.min(at, source.length()))), message);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                return fail(name, line, "cannot find " + String.join(", ", shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet).toList()));
            }
            if (event.exception() != null) {
                return fail(name, line, describe(event.exception()), event.exception());
            }
        }
        return true;
    }

    private static String describe(Throwable e) {
        String kind = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }

    private boolean fail(String name, int line, String message) {
        return fail(name, line, message, null);
    }

    private boolean fail(String name, int line, String message, Throwable e) {
        err.println("ERROR: " + name + ":" + line + ": " + message);
        if (debug && e != null) e.printStackTrace(err);
        err.flush();
        return false;
    }

    private static int newlines(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }

    /** Lines of {@code //} comments before a snippet's code, so errors name the line of the code. */
    private static int leadingComments(String snippet) {
        return (int) snippet.lines().takeWhile(l -> l.isBlank() || l.strip().startsWith("//")).count();
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("").strip();
    }
}
