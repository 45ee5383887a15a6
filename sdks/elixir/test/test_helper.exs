# The suite runs against a live server: SWEETDATE_URL and SWEETDATE_API_TOKEN (a fresh user) and
# SWEETDATE_OTHER_API_TOKEN / _USER_ID / _EMAIL (a second one), as e2e/sdk/elixir.spec.ts sets
# them (through e2e/sdk/runner.ts). Test modules run one at a time (async: false) where they touch
# the default client's settings or the environment, which are global.
for name <-
      ~w(SWEETDATE_URL SWEETDATE_API_TOKEN SWEETDATE_OTHER_API_TOKEN SWEETDATE_OTHER_USER_ID SWEETDATE_OTHER_EMAIL) do
  if System.get_env(name) in [nil, ""] do
    raise "#{name} is not set: run through e2e/sdk/elixir.spec.ts (see sdks/elixir/README.md)"
  end
end

ExUnit.start(timeout: 120_000)
