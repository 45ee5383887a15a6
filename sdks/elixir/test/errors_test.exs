defmodule SD.ErrorsTest do
  # {:error, %SD.…Error{}} from real answers of the live server.
  use ExUnit.Case, async: false
  import SD.Test.Live

  setup do
    reset_config()
  end

  defp calendar do
    {:ok, calendar} = SD.Calendar.get(raw_calendar()["id"])
    calendar
  end

  test "404 → SD.NotFoundError (unknown calendar, unknown event, malformed id)" do
    assert {:error, %SD.NotFoundError{status: 404, error_code: "NOT_FOUND", message: "not found"} = error} =
             SD.Calendar.get(unknown_id())

    assert is_binary(error.request_id) and error.request_id != ""
    assert SD.Error.error?(error)
    assert Exception.message(error) == "not found"

    calendar = calendar()
    assert {:error, %SD.NotFoundError{}} = SD.Calendar.get_event(calendar, unknown_id())
    assert {:error, %SD.NotFoundError{}} = SD.Calendar.get_event(calendar, "not-an-id")
    assert {:error, %SD.NotFoundError{}} = SD.Calendar.delete_event(calendar, unknown_id())
    assert {:error, %SD.NotFoundError{}} = SD.Calendar.update_event(calendar, unknown_id(), %{title: "x"})
  end

  test "404 → SD.NotFoundError for another user's calendar" do
    id = raw_calendar()["id"]
    assert {:error, %SD.NotFoundError{}} = SD.Calendar.get(id, client_for(other().token))
  end

  test "422 → SD.ValidationError with fields" do
    calendar = calendar()

    assert {:error,
            %SD.ValidationError{status: 422, error_code: "VALIDATION_ERROR", message: "invalid input", fields: fields}} =
             SD.Calendar.create_event(calendar, %{title: "No times"})

    assert fields["starts_at"] == ["can't be blank"]
    assert fields["ends_at"] == ["can't be blank"]

    assert {:error, %SD.ValidationError{fields: %{"ends_at" => ["must be after starts_at"]} = backwards}} =
             SD.Calendar.create_event(calendar,
               title: "Backwards",
               starts_at: "2025-08-21T10:00:00Z",
               ends_at: "2025-08-21T09:00:00Z"
             )

    assert map_size(backwards) == 1

    existing = raw_event(calendar.id, %{"title" => "Existing"})

    assert {:error, %SD.ValidationError{fields: %{"colour" => ["is not allowed"]}}} =
             SD.Calendar.update_event(calendar, existing["id"], %{colour: "red"})

    assert {:error, %SD.ValidationError{fields: page_fields}} = SD.Calendar.events(calendar, limit: 0)
    assert Map.keys(page_fields) == ["limit"]
  end

  test "401 → SD.AuthenticationError (bad token, no token)" do
    id = raw_calendar()["id"]

    assert {:error, %SD.AuthenticationError{status: 401, error_code: "UNAUTHORIZED"}} =
             SD.Calendar.get(id, client_for("sdt_not_a_real_token"))

    saved = System.get_env("SWEETDATE_API_TOKEN")
    System.delete_env("SWEETDATE_API_TOKEN")

    try do
      assert {:error, %SD.AuthenticationError{}} = SD.Calendar.list([], base_url: base_url())
    after
      System.put_env("SWEETDATE_API_TOKEN", saved)
    end
  end

  test "403 → SD.PermissionError (a guest member may read but not write)" do
    calendar = calendar()
    guest = other()
    {:ok, _} = SD.Calendar.add_user(calendar, guest.id, role: :guest)

    {:ok, as_guest} = SD.Calendar.get(calendar.id, client_for(guest.token))
    assert as_guest.role == "guest"
    assert {:ok, []} = SD.Calendar.events(as_guest)

    assert {:error, %SD.PermissionError{status: 403, error_code: "FORBIDDEN"}} =
             SD.Calendar.create_event(as_guest, %{
               title: "Nope",
               starts_at: "2025-08-21T09:00:00Z",
               ends_at: "2025-08-21T10:00:00Z"
             })

    assert {:error, %SD.PermissionError{}} = SD.Calendar.update(as_guest, name: "Mine now")
  end

  test "409 → SD.ConflictError (adding a member twice)" do
    calendar = calendar()
    {:ok, _} = SD.Calendar.add_user(calendar, other().id)
    assert {:error, %SD.ConflictError{status: 409, error_code: "CONFLICT"}} = SD.Calendar.add_user(calendar, other().id)
  end

  test "412 → SD.PreconditionFailedError when if_match is stale" do
    calendar = calendar()

    {:ok, event} =
      SD.Calendar.create_event(calendar, %{
        title: "Draft",
        starts_at: "2025-08-21T09:00:00Z",
        ends_at: "2025-08-21T10:00:00Z"
      })

    {:ok, changed} = SD.Calendar.update_event(calendar, event.id, %{title: "Final"}, if_match: event.sequence)
    assert changed.sequence > event.sequence

    assert {:error, %SD.PreconditionFailedError{status: 412, error_code: "PRECONDITION_FAILED"}} =
             SD.Calendar.update_event(calendar, event.id, %{title: "Lost update"}, if_match: event.sequence)

    assert {:error, %SD.PreconditionFailedError{}} =
             SD.Calendar.delete_event(calendar, event.id, if_match: event.sequence)

    assert {:ok, %SD.Event{title: "Final"}} = SD.Calendar.get_event(calendar, event.id)
    # The current sequence (also as an ETag string) is accepted.
    assert {:ok, %SD.Event{title: "Final!"}} =
             SD.Calendar.update_event(calendar, event.id, %{title: "Final!"}, if_match: ~s("#{changed.sequence}"))
  end
end
