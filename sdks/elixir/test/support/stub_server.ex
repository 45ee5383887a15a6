defmodule SD.Test.StubServer do
  @moduledoc false
  # A scripted HTTP/1.1 server on a random local port for what the live server will not do on
  # demand (429/503, stalls, non-JSON answers): answers requests with the scripted responses in
  # order (the last one repeats) and reports each request to the test process.

  @doc "Starts it; returns its base URL. Responses: %{status:, headers: [{k, v}], body:, delay: ms}."
  def start(responses) do
    test = self()
    {:ok, listen} = :gen_tcp.listen(0, [:binary, packet: :http_bin, active: false, reuseaddr: true, ip: {127, 0, 0, 1}])
    {:ok, port} = :inet.port(listen)
    pid = spawn_link(fn -> accept(listen, responses, test) end)
    :ok = :gen_tcp.controlling_process(listen, pid)
    ExUnit.Callbacks.on_exit(fn -> Process.exit(pid, :kill) end)
    "http://127.0.0.1:#{port}"
  end

  @doc "A URL nothing listens on."
  def closed_url do
    {:ok, listen} = :gen_tcp.listen(0, ip: {127, 0, 0, 1})
    {:ok, port} = :inet.port(listen)
    :gen_tcp.close(listen)
    "http://127.0.0.1:#{port}"
  end

  defp accept(listen, responses, test) do
    {:ok, socket} = :gen_tcp.accept(listen)
    {response, rest} = next(responses)
    serve(socket, response, test)
    accept(listen, rest, test)
  end

  defp next([last]), do: {last, [last]}
  defp next([first | rest]), do: {first, rest}

  defp serve(socket, response, test) do
    {:ok, {:http_request, method, {:abs_path, path}, _}} = :gen_tcp.recv(socket, 0)
    headers = read_headers(socket, %{})
    :ok = :inet.setopts(socket, packet: :raw)

    body =
      case String.to_integer(Map.get(headers, "content-length", "0")) do
        0 -> ""
        length -> elem(:gen_tcp.recv(socket, length), 1)
      end

    send(test, {:stub_request, %{method: to_string(method), path: path, headers: headers, body: body}})
    if response[:delay], do: Process.sleep(response[:delay])
    text = Map.get(response, :body, ~s({"status":"ok"}))
    extra = Map.get(response, :headers, [])
    content_type = if List.keymember?(extra, "content-type", 0), do: [], else: [{"content-type", "application/json"}]

    head =
      ["HTTP/1.1 #{Map.get(response, :status, 200)} Stub\r\n"] ++
        Enum.map(content_type ++ extra ++ [{"content-length", byte_size(text)}, {"connection", "close"}], fn {k, v} ->
          "#{k}: #{v}\r\n"
        end)

    :gen_tcp.send(socket, [head, "\r\n", text])
    :gen_tcp.close(socket)
  end

  defp read_headers(socket, acc) do
    case :gen_tcp.recv(socket, 0) do
      {:ok, {:http_header, _, name, _, value}} ->
        read_headers(socket, Map.put(acc, String.downcase(to_string(name)), value))

      {:ok, :http_eoh} ->
        acc
    end
  end
end
