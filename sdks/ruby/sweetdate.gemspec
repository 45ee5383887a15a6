# frozen_string_literal: true

require_relative "lib/sweetdate/version"

Gem::Specification.new do |spec|
  spec.name = "sweetdate"
  spec.version = SD::VERSION
  spec.summary = "Ruby SDK for the SweetDate calendar API"
  spec.description = "SD::Calendar and friends for SweetDate's REST API: calendars, events (recurring ones " \
                     "with this/following/all scopes), members, event participants and incremental sync, " \
                     "with typed errors, timeouts and retries. Standard library only."
  spec.authors = ["SweetDate contributors"]
  spec.license = "MIT"
  spec.homepage = "https://github.com/sweetdate/sweetdate"
  spec.metadata = {
    "source_code_uri" => "https://github.com/sweetdate/sweetdate/tree/main/sdks/ruby",
    "documentation_uri" => "https://github.com/sweetdate/sweetdate/blob/main/sdks/ruby/README.md",
    "rubygems_mfa_required" => "true"
  }
  spec.required_ruby_version = ">= 3.1"
  spec.files = Dir["lib/**/*.rb"] + ["README.md", "sweetdate.gemspec"]
  spec.require_paths = ["lib"]
  # Runtime: net/http, json, uri, time, erb, openssl — all part of Ruby. Tests: minitest (bundled with Ruby).
end
