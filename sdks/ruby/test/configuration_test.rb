# frozen_string_literal: true

require "test_helper"

class ConfigurationTest < Minitest::Test
  def test_environment_is_the_default_configuration
    config = SD::Configuration.new
    assert_equal [TestEnv::URL, TestEnv::TOKEN, 30, 2], [config.base_url, config.token, config.timeout, config.max_retries]
  end

  def test_sd_configure_with_keywords_or_a_block_then_back_to_the_environment
    calendar_id = Raw.calendar(token: TestEnv::OTHER_TOKEN).fetch("id")
    SD.configure(base_url: "#{TestEnv::URL}/api/v1/", token: TestEnv::OTHER_TOKEN)
    assert_equal TestEnv::URL, SD.config.base_url # trailing /api/v1 and slash tolerated
    assert_equal calendar_id, SD::Calendar.get(calendar_id).id
    SD.configure { |config| config.token = TestEnv::TOKEN }
    assert_raises(SD::NotFoundError) { SD::Calendar.get(calendar_id) }
  ensure
    SD.configure(base_url: nil, token: nil)
    assert_equal [TestEnv::URL, TestEnv::TOKEN], [SD.config.base_url, SD.config.token]
  end

  def test_unknown_options_and_a_missing_url_are_reported
    assert_raises(ArgumentError) { SD::Client.new(tokn: "x") }
    saved = ENV.delete("SWEETDATE_URL")
    error = assert_raises(SD::ConfigurationError) { SD::Client.new.get("/api/v1/me") }
    assert_equal "CONFIGURATION_ERROR", error.error_code
  ensure
    ENV["SWEETDATE_URL"] = saved if saved
  end

  def test_gemspec_is_ready_to_publish
    spec = Gem::Specification.load(File.expand_path("../sweetdate.gemspec", __dir__))
    spec.validate
    assert_equal ["sweetdate", SD::VERSION], [spec.name, spec.version.to_s]
    assert_includes spec.files, "lib/sweetdate.rb"
    assert_empty spec.runtime_dependencies
  end

  def test_version_follows_the_apis
    server_package = JSON.parse(File.read(File.expand_path("../../../package.json", __dir__)))
    assert_equal server_package.fetch("version"), SD::VERSION
    assert_equal SD::VERSION, SD.request(:get, "/api/v1/openapi.json").dig("info", "version"), "the live server's OpenAPI info.version"
  end
end
