"""Drives a real Par kernel with jupyter_client, for KernelTest.

    python3 client.py session     cells, errors, completion, inspection, is_complete, interrupts
    python3 client.py lifecycle   restart and shutdown, with the processes before and after

The kernelspec "par" is found through JUPYTER_PATH, which the test points at its own temp dir.
Prints one JSON object per line: what each step saw, which the Java test compares exactly.
A deadline (DEADLINE seconds) only bounds a wait for a message that never comes.
"""
import json
import os
import queue
import sys
import time

from jupyter_client import KernelManager

DEADLINE = 60


def say(step, **what):
    print(json.dumps(dict(step=step, **what)), flush=True)


def compact(m):
    """A message as one short line: its type and what matters of its content."""
    t, c = m["msg_type"], m["content"]
    if t == "status":
        return "status " + c["execution_state"]
    if t == "execute_input":
        return "execute_input %d" % c["execution_count"]
    if t == "stream":
        return "%s: %s" % (c["name"], c["text"])
    if t == "execute_result":
        return "result %d: %s" % (c["execution_count"], c["data"]["text/plain"])
    if t == "error":
        return "error %s: %s" % (c["ename"], c["evalue"])
    if t in ("display_data", "update_display_data"):
        shown = c["data"].get("text/plain", "")
        return "%s %s%s" % (t, c.get("transient", {}).get("display_id", ""), ": " + shown if shown else "")
    return t


def until_idle(kc, msg_id, seen=None, others=None):
    """The IOPub messages answering msg_id, up to its idle status; those of other requests that
    came meanwhile go to others, if given."""
    seen = seen if seen is not None else []
    while True:
        m = kc.get_iopub_msg(timeout=DEADLINE)
        if m["parent_header"].get("msg_id") != msg_id:
            if others is not None:
                others.append(m)
            continue
        seen.append(m)
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return seen


def reply_to(kc, msg_id, channel="shell"):
    while True:
        m = (kc.get_shell_msg if channel == "shell" else kc.get_control_msg)(timeout=DEADLINE)
        if m["parent_header"].get("msg_id") == msg_id:
            return m["content"]


def execute(kc, step, code, late_of=None, **kw):
    """Runs a cell and reports its messages; late_of: an earlier cell's msg_id, whose messages
    that came while this cell ran are reported too (a child it started, printing now)."""
    msg_id = kc.execute(code, **kw)
    others = []
    seen = until_idle(kc, msg_id, others=others)
    reply = reply_to(kc, msg_id)
    errors = [m["content"]["traceback"] for m in seen if m["msg_type"] == "error"]
    late = {} if late_of is None else dict(
        late=[compact(m) for m in others if m["parent_header"].get("msg_id") == late_of])
    say(step, iopub=[compact(m) for m in seen], reply=reply["status"], count=reply.get("execution_count"),
        traceback=errors[0] if errors else None,
        html=[m["content"]["data"].get("text/html", "")[:60] for m in seen if m["msg_type"] == "display_data"],
        **late)
    return seen


def interrupted(kc, km, step, code, wanted, how):
    """Runs code, which prints wanted (from a child) and then blocks; once wanted has arrived and
    the cell has not ended, interrupts it (how: signal or control) and reports the rest."""
    msg_id = kc.execute(code)
    seen = []
    while not any(m["msg_type"] == "stream" and wanted in m["content"]["text"] for m in seen):
        m = kc.get_iopub_msg(timeout=DEADLINE)
        if m["parent_header"].get("msg_id") == msg_id:
            seen.append(m)
    try:
        kc.get_shell_msg(timeout=0)
        running = False
    except queue.Empty:
        running = True  # the child's line came while the cell still ran
    if how == "signal":
        km.interrupt_kernel()
    else:
        request = kc.session.msg("interrupt_request", {})
        kc.control_channel.send(request)
        say(step + " control reply", status=reply_to(kc, request["header"]["msg_id"], "control")["status"])
    until_idle(kc, msg_id, seen)
    reply = reply_to(kc, msg_id)
    say(step, running_when_seen=running, iopub=[compact(m) for m in seen], reply=reply["status"])
    return msg_id


def asked(kc, km, step, code, answer):
    """Runs code, which calls input(): reports the input_request, then answers it with answer
    (None: interrupts the cell instead), and reports the rest."""
    msg_id = kc.execute(code, allow_stdin=True)
    ask = kc.get_stdin_msg(timeout=DEADLINE)
    say(step + " request", type=ask["msg_type"], parent=ask["parent_header"].get("msg_id") == msg_id,
        prompt=ask["content"]["prompt"], password=ask["content"]["password"])
    if answer is None:
        km.interrupt_kernel()
    else:
        kc.input(answer)
    seen = until_idle(kc, msg_id)
    reply = reply_to(kc, msg_id)
    say(step, iopub=[compact(m) for m in seen], reply=reply["status"])


def started():
    """A Par kernel and a client connected to it, ready."""
    km = KernelManager(kernel_name="par")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=DEADLINE)
    return km, kc


def session():
    km, kc = started()
    try:
        info = kc.kernel_info(reply=True, timeout=DEADLINE)["content"]
        say("kernel_info", language=info["language_info"]["name"], protocol=info["protocol_version"],
            implementation=info["implementation"])
        execute(kc, "define", 'def greet(name) {\n    print("hello from " + name)\n    return len(name)\n}\n'
                              'print("root says hi")\n1 + 1')
        execute(kc, "spawn", 'p = spawn greet("child")\njoin p')
        execute(kc, "error", 'def f(x) { return x / 0 }\nf(1)')
        execute(kc, "syntax error", 'x = (1 +* 2)')
        execute(kc, "silent", 'print("quiet")\n7', silent=True)
        execute(kc, "no history", '8', store_history=False)
        c = kc.complete("gre", 3, reply=True, timeout=DEADLINE)["content"]
        say("complete", matches=c["matches"], start=c["cursor_start"], end=c["cursor_end"])
        execute(kc, "queue", 'q = queue()\ndone = queue()')
        c = kc.complete("x = q.pu", 8, reply=True, timeout=DEADLINE)["content"]
        say("complete method", matches=c["matches"], start=c["cursor_start"], end=c["cursor_end"])
        i = kc.inspect("greet(1)", 2, reply=True, timeout=DEADLINE)["content"]
        say("inspect", found=i["found"], text=i["data"].get("text/plain"))
        for code in ["def f() {", "x = 1", "x = (1 +* 2)", 's = """open']:
            r = reply_to(kc, kc.is_complete(code))
            say("is_complete", code=code, status=r["status"])
        first = interrupted(kc, km, "interrupt by signal",
                            'def stay(done) {\n    print("child is up")\n    done.get(600)\n    print("child ends")\n}\n'
                            'c = spawn stay(done)\nq.get()', "child is up", "signal")
        execute(kc, "child still alive", 'print(c.alive)\ndone.put(1)\njoin c\nprint(c.alive)', late_of=first)
        second = interrupted(kc, km, "interrupt by control", 'c = spawn stay(done)\nq.get()', "child is up", "control")
        execute(kc, "after interrupts", 'done.put(2)\njoin c\nq.put(5)\nq.get()', late_of=second)
        execute(kc, "long map", 'def slowly(x) {\n    sleep(0.5)\n    return x * x\n}\n'
                                'with pool(2) as w { squares = w.map(slowly, range(8)) }\nsquares')
        execute(kc, "timeline", '%timeline\nl = lock()\ndef hold(l) { with l { print("held") } }\n'
                                'h = spawn hold(l)\njoin h')
        asked(kc, km, "input", 'name = input("who? ")\nprint("hi " + name)\nlen(name)', "ada")
        asked(kc, km, "input interrupted", 'input("never answered? ")', None)
        kc.input("too late")  # the interrupted input() is over: this reply goes nowhere
        execute(kc, "input refused", 'input("who? ")', allow_stdin=False)
        asked(kc, km, "input again", 'input("")', "")
        kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)


def tree(pid):
    """pid and every process below it, from /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    parents.setdefault(int(f.read().rsplit(")", 1)[1].split()[1]), []).append(int(entry))
            except OSError:
                pass
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(parents.get(p, []))
    return found


def alive(pids):
    """Those of pids still running (a zombie has ended: it only waits to be reaped)."""
    left = []
    for p in pids:
        try:
            with open("/proc/%d/stat" % p) as f:
                if f.read().rsplit(")", 1)[1].split()[0] != "Z":
                    left.append(p)
        except OSError:
            pass
    return left


def gone(pids):
    """Waits until none of pids runs; answers those still running at the deadline."""
    end = time.monotonic() + DEADLINE
    while alive(pids) and time.monotonic() < end:
        time.sleep(0.05)
    return alive(pids)


def busy_kernel(kc, km, step):
    """Starts a child that waits and a pool; answers the kernel's process tree (kernel first)."""
    execute(kc, step, 'done = queue()\ndef stay(done) { print("up"); done.get(600) }\n'
                      'c = spawn stay(done)\nworkers = pool(2)\nlen(workers.map(abs, [-1, -2]))')
    pids = tree(km.provisioner.process.pid)
    say(step + " processes", kernel_child_and_two_workers=len(pids) >= 4)
    return pids


def lifecycle():
    km, kc = started()
    try:
        before = busy_kernel(kc, km, "first kernel")
        first = km.provisioner.process
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=DEADLINE)
        say("restarted", new_kernel=km.provisioner.process.pid != before[0], exit=first.wait(DEADLINE),
            left=gone(before))
        execute(kc, "fresh state", 'print(c)')
        second = busy_kernel(kc, km, "second kernel")
        kc.stop_channels()
        last = km.provisioner.process
        km.shutdown_kernel(now=False)
        say("shut down", exit=last.wait(DEADLINE), left=gone(second))
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    {"session": session, "lifecycle": lifecycle}[sys.argv[1]]()
