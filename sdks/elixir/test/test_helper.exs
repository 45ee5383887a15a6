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

# REST sync (SPEC §11) is tested only once the server speaks it: `?sync_token=` must answer 200
# with meta.next_sync_token.
calendar = SD.Test.Live.raw_calendar(%{"name" => "sync probe"})
{status, body} = SD.Test.Live.call(:get, "/api/v1/calendars/#{calendar["id"]}/events?sync_token=")
sync? = status == 200 and is_map(body["meta"]) and Map.has_key?(body["meta"], "next_sync_token")

unless sync?,
  do:
    IO.puts(
      "SD.SyncTest excluded: the server does not support REST sync yet (GET …/events?sync_token= answered #{status} without meta.next_sync_token)"
    )

ExUnit.start(timeout: 120_000, exclude: if(sync?, do: [], else: [:sync]))
