defmodule SD.JSONTest do
  # SD.JSON (the SDK's own codec) against Debian's jiffy as the reference, on fixed cases and on
  # generated documents.
  use ExUnit.Case, async: true

  defp jiffy_decode(text), do: :jiffy.decode(text, [:return_maps, {:null_term, nil}])

  test "decodes what jiffy decodes, the same way" do
    for text <- [
          ~s({"status":"ok","events":[],"meta":{"limit":25,"offset":0,"total":0}}),
          ~s( { "a" : [ 1 , -2.5e3 , 0.125, 1E2, -0 ] , "b" : null , "c" : true , "d" : false } ),
          ~s(["\\u00e9\\ud83d\\ude00", "tab\\tnew\\nline", "quote\\" slash\\/ back\\\\", "\\u0000"]),
          ~s("Grüße, 日本, 😀"),
          ~s({"nested":{"deep":[[[{"x":[]}]]]}}),
          ~s(12345678901234567890),
          ~s({"dup":1,"dup":2})
        ] do
      assert SD.JSON.decode(text) == {:ok, jiffy_decode(text)}, text
    end
  end

  test "refuses what is not JSON" do
    for text <- [
          "",
          "{",
          "[1,]",
          "{\"a\" 1}",
          "{'a':1}",
          "01",
          "1.",
          ".5",
          "tru",
          "\"unterminated",
          "\"bad \\x escape\"",
          "\"\\ud800\"",
          "[1] 2",
          "\"raw \n newline\"",
          <<?", 0xFF, ?">>,
          "NaN"
        ] do
      assert {:error, reason} = SD.JSON.decode(text), inspect(text)
      assert is_binary(reason)
    end
  end

  test "encodes so that jiffy reads back the same value; atoms become strings" do
    value = %{
      title: ~s(Sprint "Planning" \\ #1),
      status: :tentative,
      all_day: false,
      description: nil,
      participant_ids: ["a", "b"],
      n: -42,
      x: 1.5e-7,
      text: "Grüße 😀 \u2028 \u0001 \t\n"
    }

    decoded = jiffy_decode(SD.JSON.encode!(value))

    assert decoded == %{
             "title" => ~s(Sprint "Planning" \\ #1),
             "status" => "tentative",
             "all_day" => false,
             "description" => nil,
             "participant_ids" => ["a", "b"],
             "n" => -42,
             "x" => 1.5e-7,
             "text" => "Grüße 😀 \u2028 \u0001 \t\n"
           }

    assert_raise ArgumentError, fn -> SD.JSON.encode!(%{a: {1, 2}}) end
    assert_raise ArgumentError, fn -> SD.JSON.encode!(<<0xFF>>) end
  end

  test "round-trips generated documents through both codecs" do
    :rand.seed(:exsss, {1, 2, 3})

    for _ <- 1..300 do
      value = generate(4)
      text = SD.JSON.encode!(value)
      assert SD.JSON.decode(text) == {:ok, jiffy_decode(text)}
      assert SD.JSON.decode(:jiffy.encode(value, [:use_nil])) == {:ok, value}
    end
  end

  defp generate(0), do: scalar()

  defp generate(depth) do
    case :rand.uniform(4) do
      1 -> for _ <- 1..:rand.uniform(4), into: %{}, do: {string(), generate(depth - 1)}
      2 -> for _ <- 1..:rand.uniform(4), do: generate(depth - 1)
      _ -> scalar()
    end
  end

  defp scalar do
    case :rand.uniform(6) do
      1 -> :rand.uniform(1_000_000) - 500_000
      2 -> (:rand.uniform() - 0.5) * 1.0e6
      3 -> Enum.random([true, false, nil])
      _ -> string()
    end
  end

  defp string do
    for _ <- 1..:rand.uniform(12), into: "" do
      <<Enum.random([?a, ?Z, ?", ?\\, ?/, 0x01, ?\n, 0xE9, 0x2028, 0x1F600, 0x65E5])::utf8>>
    end
  end
end
