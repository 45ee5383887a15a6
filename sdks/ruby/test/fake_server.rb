# frozen_string_literal: true

require "socket"

# A scripted HTTP/1.1 server on 127.0.0.1 for the transport's own behaviour (retries, backoff,
# Retry-After, timeouts, unreadable answers) — things a healthy SweetDate server does not do on
# demand. Each request takes the next scripted answer: [status, headers, body], or :hang (no
# answer until the server is stopped). It records what it received.
class FakeServer
  Request = Struct.new(:method, :path, :headers, :body, :at)

  attr_reader :requests

  def initialize(answers)
    @answers = Queue.new
    answers.each { |answer| @answers << answer }
    @requests = Queue.new
    @server = TCPServer.new("127.0.0.1", 0)
    @release = Queue.new
    @thread = Thread.new { serve }
  end

  def url
    "http://127.0.0.1:#{@server.addr[1]}"
  end

  def received
    list = []
    list << @requests.pop until @requests.empty?
    list
  end

  def stop
    @release << :stop
    @server.close
    @thread.kill
    @thread.join
  end

  private

  def serve
    loop do
      socket = @server.accept
      handle(socket)
    ensure
      socket&.close
    end
  rescue IOError, Errno::EBADF
    nil
  end

  def handle(socket)
    request_line = socket.gets or return
    method, path = request_line.split(" ")
    headers = {}
    while (line = socket.gets) && line != "\r\n"
      key, value = line.split(":", 2)
      headers[key.strip.downcase] = value.strip
    end
    body = headers["content-length"] ? socket.read(headers["content-length"].to_i) : nil
    @requests << Request.new(method, path, headers, body, Process.clock_gettime(Process::CLOCK_MONOTONIC))
    answer = @answers.empty? ? [500, {}, "no scripted answer left"] : @answers.pop
    if answer == :hang
      @release.pop # until stop
      return
    end
    status, extra, text = answer
    head = ["HTTP/1.1 #{status} X", "content-length: #{text.bytesize}", "connection: close"]
    head << "content-type: application/json" unless extra.key?("content-type")
    extra.each { |key, value| head << "#{key}: #{value}" }
    socket.write("#{head.join("\r\n")}\r\n\r\n#{text}")
  end
end
