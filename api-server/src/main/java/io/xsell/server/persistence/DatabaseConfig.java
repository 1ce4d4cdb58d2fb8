package io.xsell.server.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Where tenants' data lives. The default is an embedded SQLite file under {@code ./xsell-data/},
 * created on first use; a {@code jdbc:postgresql:} URL selects PostgreSQL.
 */
public class DatabaseConfig {
    public static final String DEFAULT_URL = "jdbc:sqlite:xsell-data/xsell.db";

    @NotBlank
    @JsonProperty
    private String url = DEFAULT_URL;

    @JsonProperty
    private String user;

    @JsonProperty
    private String password;

    @Min(1)
    @JsonProperty
    private int maxConnections = 8;

    public DatabaseConfig() {
    }

    public DatabaseConfig(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public String getUrl() {
        return url;
    }

    public String getUser() {
        return user;
    }

    public String getPassword() {
        return password;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public Dialect dialect() {
        return Dialect.of(url);
    }
}
