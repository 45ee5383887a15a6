defmodule SD.MixProject do
  use Mix.Project

  # Follows the API's version (the server's package.json and OpenAPI info.version).
  @version "0.1.0"
  @source_url "https://github.com/sweetdate/sweetdate"

  def project do
    [
      app: :sweetdate,
      version: @version,
      elixir: "~> 1.14",
      start_permanent: Mix.env() == :prod,
      elixirc_paths: elixirc_paths(Mix.env()),
      # No dependencies at all: HTTP is OTP's :httpc and JSON is SD.JSON, so `mix test` needs
      # neither Hex nor the network.
      deps: [],
      # The tests (only) use Debian's erlang-jiffy as an independent JSON codec and oracle.
      xref: [exclude: [:jiffy]],
      description: "Elixir SDK for the SweetDate calendar API",
      package: package(),
      docs: [main: "readme", extras: ["README.md"], source_ref: "v#{@version}", source_url: @source_url],
      name: "SweetDate",
      source_url: @source_url
    ]
  end

  def application do
    [extra_applications: [:logger, :inets, :ssl, :public_key, :crypto]]
  end

  defp elixirc_paths(:test), do: ["lib", "test/support"]
  defp elixirc_paths(_), do: ["lib"]

  defp package do
    [
      name: "sweetdate",
      licenses: ["MIT"],
      links: %{"Source" => @source_url},
      files: ~w(lib mix.exs README.md)
    ]
  end
end
