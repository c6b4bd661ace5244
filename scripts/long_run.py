"""Long runs: memory stays flat as steps grow, and the report stays correct.

    python scripts/long_run.py                 # 1,000 / 10,000 / 100,000 XOR steps
    python scripts/long_run.py 1000 5000       # other step counts

Prints, per run: steps, wall time, time per step, the process's resident
memory after the run and its peak so far (VmRSS and VmHWM from
/proc/self/status, Linux), and the verdict. Flat memory shows as a peak
that does not grow with the number of steps.
"""

from __future__ import annotations

import sys
import time

from parity import RunConfig, run


def memory_mib() -> dict[str, float]:
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status if ":" in line)
    return {key: int(fields[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM")}


def main(counts: list[int]) -> None:
    run(RunConfig(steps=100, device="cpu"))  # warm up torch and the allocator
    print(f"{'steps':>8} {'seconds':>8} {'ms/step':>8} {'RSS MiB':>8} {'peak MiB':>9}  verdict")
    for steps in counts:
        started = time.perf_counter()
        report = run(RunConfig(steps=steps, device="cpu"))
        seconds = time.perf_counter() - started
        assert report.steps_run == steps and all(s.compared_steps == steps for s in report.tensors.values())
        memory = memory_mib()
        print(f"{steps:>8} {seconds:>8.1f} {1000 * seconds / steps:>8.3f} {memory['VmRSS']:>8.1f} {memory['VmHWM']:>9.1f}  {report.verdict_line()}", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1_000, 10_000, 100_000])
