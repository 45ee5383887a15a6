# frozen_string_literal: true

# ruby -Ilib -Itest test/all.rb — every test file (what e2e/sdk/ruby.spec.ts runs).
Dir[File.join(__dir__, "*_test.rb")].sort.each { |file| require file }
