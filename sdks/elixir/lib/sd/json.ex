defmodule SD.JSON do
  @moduledoc """
  A small, strict JSON codec (RFC 8259), so the SDK needs no dependency: Elixir 1.14 has no JSON
  module and Hex may be out of reach.

  Decoding gives maps with string keys, lists, binaries, integers, floats, `true`, `false`, `nil`.
  Encoding accepts maps (atom or string keys), lists, binaries, numbers, booleans, `nil` and other
  atoms (as strings: `:tentative` → `"tentative"`, as the seed's Elixir examples pass them).
  """

  @doc "Decodes a JSON text; `{:error, reason}` when it is not valid JSON."
  @spec decode(binary) :: {:ok, term} | {:error, String.t()}
  def decode(text) when is_binary(text) do
    {value, rest} = value(skip_ws(text))

    case skip_ws(rest) do
      "" -> {:ok, value}
      other -> {:error, "unexpected trailing data at #{inspect(String.slice(other, 0, 20))}"}
    end
  catch
    {:json_error, reason} -> {:error, reason}
  end

  @doc "Encodes a term as JSON text; raises ArgumentError for what JSON cannot hold."
  @spec encode!(term) :: binary
  def encode!(term), do: term |> encode_value() |> IO.iodata_to_binary()

  # ── Decoding ────────────────────────────────────────────────────────────────────────────────

  defp fail(reason), do: throw({:json_error, reason})

  defp skip_ws(<<c, rest::binary>>) when c in ~c" \t\n\r", do: skip_ws(rest)
  defp skip_ws(rest), do: rest

  defp value("{" <> rest), do: object(skip_ws(rest), %{})
  defp value("[" <> rest), do: array(skip_ws(rest), [])
  defp value("\"" <> rest), do: string(rest, [])
  defp value("true" <> rest), do: {true, rest}
  defp value("false" <> rest), do: {false, rest}
  defp value("null" <> rest), do: {nil, rest}
  defp value(<<c, _::binary>> = text) when c == ?- or c in ?0..?9, do: number(text)
  defp value(""), do: fail("unexpected end of input")
  defp value(other), do: fail("unexpected #{inspect(String.slice(other, 0, 20))}")

  defp object("}" <> rest, acc) when acc == %{}, do: {acc, rest}

  defp object("\"" <> rest, acc) do
    {key, rest} = string(rest, [])

    case skip_ws(rest) do
      ":" <> rest ->
        {val, rest} = value(skip_ws(rest))
        acc = Map.put(acc, key, val)

        case skip_ws(rest) do
          "," <> rest -> object(skip_ws(rest), acc)
          "}" <> rest -> {acc, rest}
          _ -> fail("expected , or } in an object")
        end

      _ ->
        fail("expected : after an object key")
    end
  end

  defp object(_, _), do: fail("expected a string key in an object")

  defp array("]" <> rest, []), do: {[], rest}

  defp array(text, acc) do
    {val, rest} = value(text)

    case skip_ws(rest) do
      "," <> rest -> array(skip_ws(rest), [val | acc])
      "]" <> rest -> {Enum.reverse([val | acc]), rest}
      _ -> fail("expected , or ] in an array")
    end
  end

  defp string("\"" <> rest, acc), do: {IO.iodata_to_binary(Enum.reverse(acc)), rest}

  defp string("\\" <> rest, acc) do
    case rest do
      "\"" <> rest -> string(rest, ["\"" | acc])
      "\\" <> rest -> string(rest, ["\\" | acc])
      "/" <> rest -> string(rest, ["/" | acc])
      "b" <> rest -> string(rest, ["\b" | acc])
      "f" <> rest -> string(rest, ["\f" | acc])
      "n" <> rest -> string(rest, ["\n" | acc])
      "r" <> rest -> string(rest, ["\r" | acc])
      "t" <> rest -> string(rest, ["\t" | acc])
      "u" <> rest -> unicode_escape(rest, acc)
      _ -> fail("invalid escape in a string")
    end
  end

  defp string(<<c, _::binary>>, _acc) when c < 0x20, do: fail("control character in a string")

  defp string(text, acc) do
    # The longest run without quote, backslash or control character, in one piece.
    case :binary.match(text, ["\"", "\\"] ++ for(c <- 0..31, do: <<c>>)) do
      {0, _} -> fail("control character in a string")
      {at, _} -> string(binary_part(text, at, byte_size(text) - at), [valid_utf8!(binary_part(text, 0, at)) | acc])
      :nomatch -> fail("unterminated string")
    end
  end

  defp valid_utf8!(chunk) do
    if String.valid?(chunk), do: chunk, else: fail("invalid UTF-8 in a string")
  end

  defp unicode_escape(<<hex::binary-size(4), rest::binary>>, acc) do
    code = hex_value(hex)

    cond do
      code in 0xD800..0xDBFF ->
        case rest do
          <<"\\u", low_hex::binary-size(4), rest::binary>> ->
            low = hex_value(low_hex)

            if low in 0xDC00..0xDFFF,
              do: string(rest, [<<0x10000 + (code - 0xD800) * 0x400 + (low - 0xDC00)::utf8>> | acc]),
              else: fail("lone surrogate")

          _ ->
            fail("lone surrogate")
        end

      code in 0xDC00..0xDFFF ->
        fail("lone surrogate")

      true ->
        string(rest, [<<code::utf8>> | acc])
    end
  end

  defp unicode_escape(_, _), do: fail("short \\u escape")

  defp hex_value(hex) do
    case Integer.parse(hex, 16) do
      {value, ""} -> value
      _ -> fail("invalid \\u escape")
    end
  end

  defp number(text) do
    case Regex.run(~r/\A-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/, text) do
      [literal | parts] ->
        rest = binary_part(text, byte_size(literal), byte_size(text) - byte_size(literal))

        if parts == [] do
          {String.to_integer(literal), rest}
        else
          {float(literal, parts), rest}
        end

      nil ->
        fail("invalid number")
    end
  end

  # Float.parse, unlike :erlang.binary_to_float, also reads "1e5" (no fraction).
  defp float(literal, _parts) do
    case Float.parse(literal) do
      {value, ""} -> value
      _ -> fail("invalid number")
    end
  end

  # ── Encoding ────────────────────────────────────────────────────────────────────────────────

  defp encode_value(nil), do: "null"
  defp encode_value(true), do: "true"
  defp encode_value(false), do: "false"
  defp encode_value(atom) when is_atom(atom), do: encode_string(Atom.to_string(atom))
  defp encode_value(binary) when is_binary(binary), do: encode_string(binary)
  defp encode_value(integer) when is_integer(integer), do: Integer.to_string(integer)
  defp encode_value(float) when is_float(float), do: Float.to_string(float)
  defp encode_value(%_{} = struct), do: raise(ArgumentError, "cannot encode #{inspect(struct.__struct__)} as JSON")

  defp encode_value(map) when is_map(map) do
    pairs = Enum.map(map, fn {key, value} -> [encode_string(key_string(key)), ?:, encode_value(value)] end)
    [?{, Enum.intersperse(pairs, ?,), ?}]
  end

  defp encode_value(list) when is_list(list), do: [?[, Enum.intersperse(Enum.map(list, &encode_value/1), ?,), ?]]
  defp encode_value(other), do: raise(ArgumentError, "cannot encode #{inspect(other)} as JSON")

  defp key_string(key) when is_binary(key), do: key
  defp key_string(key) when is_atom(key), do: Atom.to_string(key)
  defp key_string(key) when is_integer(key), do: Integer.to_string(key)
  defp key_string(key), do: raise(ArgumentError, "cannot use #{inspect(key)} as a JSON object key")

  defp encode_string(string) do
    unless String.valid?(string), do: raise(ArgumentError, "cannot encode invalid UTF-8 as JSON: #{inspect(string)}")
    [?", escape(string, []), ?"]
  end

  defp escape(<<>>, acc), do: Enum.reverse(acc)
  defp escape(<<?", rest::binary>>, acc), do: escape(rest, ["\\\"" | acc])
  defp escape(<<?\\, rest::binary>>, acc), do: escape(rest, ["\\\\" | acc])
  defp escape(<<?\n, rest::binary>>, acc), do: escape(rest, ["\\n" | acc])
  defp escape(<<?\r, rest::binary>>, acc), do: escape(rest, ["\\r" | acc])
  defp escape(<<?\t, rest::binary>>, acc), do: escape(rest, ["\\t" | acc])
  defp escape(<<c, rest::binary>>, acc) when c < 0x20, do: escape(rest, [:io_lib.format("\\u~4.16.0B", [c]) | acc])
  # U+2028/2029 are valid JSON but break JavaScript string literals: escape them too.
  defp escape(<<0x2028::utf8, rest::binary>>, acc), do: escape(rest, ["\\u2028" | acc])
  defp escape(<<0x2029::utf8, rest::binary>>, acc), do: escape(rest, ["\\u2029" | acc])
  defp escape(<<c::utf8, rest::binary>>, acc), do: escape(rest, [<<c::utf8>> | acc])
end
