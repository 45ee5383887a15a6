defmodule SD.PackageTest do
  # The package itself: a version that follows the API's, metadata ready to publish, no deps.
  use ExUnit.Case, async: false
  import SD.Test.Live

  test "the version follows the API's (package.json and the live server's OpenAPI info.version)" do
    repository = Path.expand("../../../package.json", __DIR__)
    assert SD.version() == :jiffy.decode(File.read!(repository), [:return_maps])["version"]
    assert SD.version() == Mix.Project.config()[:version]
    assert to_string(Application.spec(:sweetdate, :vsn)) == SD.version()
    assert expect!(200, :get, "/api/v1/openapi.json")["info"]["version"] == SD.version()
  end

  test "mix.exs is ready to publish and has no dependencies (no Hex needed)" do
    config = Mix.Project.config()
    assert config[:app] == :sweetdate
    assert config[:deps] == []
    assert is_binary(config[:description]) and config[:description] != ""
    assert config[:package][:licenses] == ["MIT"]
    assert "lib" in config[:package][:files]
    assert Mix.Project.deps_paths() == %{}
  end
end
