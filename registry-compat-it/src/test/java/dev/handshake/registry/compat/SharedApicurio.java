package dev.handshake.registry.compat;

import dev.handshake.testsupport.ApicurioRegistryProcess;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Apicurio Registry for every test class of the run: it takes seconds to start, and the tests use fresh
 * subjects so they do not disturb each other. Stopped when JUnit closes its root context.
 */
public final class SharedApicurio implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedApicurio.class);

    private String baseUrl;

    @Override
    public void beforeAll(ExtensionContext context) {
        baseUrl = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("apicurio", key -> new Running(ApicurioRegistryProcess.start()), Running.class)
                .process().baseUrl();
    }

    /** {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("SharedApicurio must be a static @RegisterExtension field");
        }
        return baseUrl;
    }

    private record Running(ApicurioRegistryProcess process) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            process.close();
        }
    }
}
