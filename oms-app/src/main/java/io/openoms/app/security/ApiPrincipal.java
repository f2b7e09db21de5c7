package io.openoms.app.security;

import static java.util.Objects.requireNonNull;

/** Who made a request: the name of the API key it carried and that key's role. */
public record ApiPrincipal(String name, Role role) {
    public ApiPrincipal {
        requireNonNull(name, "name is null");
        requireNonNull(role, "role is null");
    }
}
