package dev.obskit.sandbox;

/** An API key the sandbox accepts. Only management keys may call the observability and workspace routes. */
public record SandboxKey(String key, String label, boolean management, String workspaceId) {
    @Override
    public String toString() { // the key itself is a secret
        return "SandboxKey[label=" + label + ", management=" + management + ", workspaceId=" + workspaceId + "]";
    }
}
