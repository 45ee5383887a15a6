# frozen_string_literal: true

module SD
  # The SDK follows the API's version: 0.1.x speaks the API of SweetDate 0.1.
  VERSION = "0.1.0"
end
