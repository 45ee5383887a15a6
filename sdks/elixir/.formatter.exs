# test/seed/*.exs are the seed document's examples byte for byte: never reformat them.
[
  inputs: ["{mix,.formatter}.exs", "lib/**/*.{ex,exs}", "test/*.{ex,exs}", "test/support/**/*.{ex,exs}"],
  line_length: 120
]
