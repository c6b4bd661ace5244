"""Hundred-and-thirtieth fresh held-out set of the diagnosis: one planted bug per program in
fresh130/, each a copy of one of three base programs (a NumPy training program and its
PyTorch port) with a single change. The theme is optimizers and schedules written by hand
in NumPy and taken from torch.optim / torch.optim.lr_scheduler in the port: Rprop (iRprop-),
cosine annealing with warm restarts (SGDR), a triangular cyclical learning rate, a linear
warm-up through LambdaLR, SGD with Nesterov momentum, and SGD momentum with dampening.

The base programs (data written by fresh130/make_data.py, fixed seed):

  rprop   rprop_numpy.py:RpropMLP / rprop_torch.py:RpropMLP, rprop.npz (64 x 6, 3 classes),
          full batch. X -> tanh(X W1 + b1) -> logits (W2, b2) -> softmax cross-entropy (mean).
          NumPy: hand-written backward and iRprop- exactly as torch.optim.Rprop (initial step
          0.01, etas (0.5, 1.2), step sizes clamped to [1e-6, 50], the gradient zeroed where its
          sign flipped, the move -sign(g) * step), state net.prev and net.step_size.
          Port: nn.Linear x2, F.cross_entropy, torch.optim.Rprop.
  sgdr    sgdr_numpy.py:WarmRestartNet / sgdr_torch.py:WarmRestartNet, sgdr.npz (64 x 5, one
          real target), mini-batches of 16. X -> relu(X W1 + b1) -> W2, b2 -> mean squared error.
          NumPy: SGD with Nesterov momentum 0.9 and weight decay 1e-3 folded into the gradient
          (torch.optim.SGD semantics), learning rate 0.1 * (t+1)/3 for the first 3 updates, then
          SGDR (T_0 = 4, T_mult = 2, eta_min = 0.005); state net.velocity.
          Port: nn.Linear x2, F.mse_loss, SGD(nesterov=True, weight_decay=1e-3) with a LambdaLR
          whose multiplier is the linear warm-up then the SGDR cosine with restarts (written in
          the port, warmup_then_sgdr), stepped after optimizer.step().
  clr     clr_numpy.py:CyclicDropoutNet / clr_torch.py:CyclicDropoutNet, clr.npz (64 x 8, 4
          classes), full batch. X -> relu(X W1 + b1) -> inverted dropout (keep 0.75, keep-masks
          fixed as data in clr_masks.npz, mask t % 32 at update t) -> W2, b2 -> softmax
          cross-entropy (mean). NumPy: SGD momentum 0.9 with dampening 0.5 (the first step's
          buffer is the raw gradient, as torch), a triangular cyclical learning rate between
          0.02 and 0.3 with a half-cycle of 4 updates; state net.velocity.
          Port: nn.Linear x2 and the same masks as a buffer, F.cross_entropy,
          SGD(momentum=0.9, dampening=0.5), CyclicLR(mode='triangular', cycle_momentum=False).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh130_cases

Each case:
    id          short name (prefixed SZ)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); the
                planted program against the other side's correct base program, as written,
                with the parameters and optimizer state paired explicitly
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules or any earlier set; validated by exit status
alone (each bug exits 1 and its fixed copy exits 0 under the same arguments; each correct
program exits 0).
"""

F = "scripts/diagnosis_sets/fresh130/"

RUN = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]

LINEAR_PAIRS = ["--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
                "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias"]
RPROP_STATE = ["--state", "prev=net.prev", "--state", "step_size=net.step_size"]
SGDR_PAIRS = ["--param", "W1=fc1.weight.T", "--param", "b1=fc1.bias",
              "--param", "W2=fc2.weight.T", "--param", "b2=fc2.bias"]
VELOCITY = ["--state", "momentum_buffer=net.velocity"]


def rprop(numpy="rprop_numpy.py", port="rprop_torch.py", pairs=LINEAR_PAIRS):
    return [F + numpy + ":RpropMLP", "--torch", F + port + ":RpropMLP", "--data", F + "rprop.npz",
            *pairs, *RPROP_STATE, *RUN]


def sgdr(numpy="sgdr_numpy.py", port="sgdr_torch.py", pairs=SGDR_PAIRS):
    return [F + numpy + ":WarmRestartNet", "--torch", F + port + ":WarmRestartNet",
            "--data", F + "sgdr.npz", "--batch-size", "16", *pairs, *VELOCITY, *RUN]


def clr(numpy="clr_numpy.py", port="clr_torch.py"):
    return [F + numpy + ":CyclicDropoutNet", "--torch", F + port + ":CyclicDropoutNet",
            "--data", F + "clr.npz", *LINEAR_PAIRS, *VELOCITY, *RUN]


CASES = [
    # ---------------------------------------------------------------- port bugs
    {"id": "SZ01", "side": "port", "args": rprop(port="01_softmax_port.py"),
     "mechanism": "softmax applied to the logits before F.cross_entropy, which applies log-softmax itself (double softmax)",
     "expected": ("softmax", "log_softmax", "logits", "probabilities", "cross_entropy")},
    {"id": "SZ02", "side": "port", "args": rprop(port="02_rpropstep_port.py"),
     "mechanism": "Rprop built with lr=0.1 instead of 0.01: the initial per-weight step size is ten times too large",
     "expected": ("learning rate", "lr", "step size", "initial step", "rprop")},
    {"id": "SZ03", "side": "port", "args": sgdr(port="03_nesterov_port.py"),
     "mechanism": "nesterov=True left out of torch.optim.SGD: plain heavy-ball momentum instead of Nesterov's look-ahead",
     "expected": ("nesterov", "look-ahead", "lookahead", "heavy-ball")},
    {"id": "SZ04", "side": "port", "args": sgdr(port="04_schedorder_port.py"),
     "mechanism": "scheduler.step() called before optimizer.step(): every update uses the next step's learning rate (the schedule one step ahead)",
     "expected": ("scheduler", "schedule", "order", "before optimizer.step", "off by one")},
    {"id": "SZ05", "side": "port", "args": sgdr(port="05_tmult_port.py"),
     "mechanism": "SGDR cycle length in the port's LambdaLR multiplier not compounded (T_i = T_0 * T_mult instead of T_i *= T_mult): from the third cycle on the cycles stop growing",
     "expected": ("T_mult", "restart", "cycle", "warm restarts", "schedule")},
    {"id": "SZ06", "side": "port", "args": sgdr(port="06_broadcast_port.py"),
     "mechanism": "output squeezed to (N,) against the (N, 1) target in F.mse_loss: the difference broadcasts to (N, N)",
     "expected": ("broadcast", "shape", "squeeze", "(n, n)")},
    {"id": "SZ07", "side": "port", "args": clr(port="07_cyclemom_port.py"),
     "mechanism": "cycle_momentum left at its default True in CyclicLR: the SGD momentum is cycled between 0.8 and 0.9 instead of staying 0.9",
     "expected": ("cycle_momentum", "momentum", "cyclic", "base_momentum")},
    {"id": "SZ08", "side": "port", "args": clr(port="08_dropscale_port.py"),
     "mechanism": "inverted-dropout scale multiplied by (1 - p) instead of divided by it: kept activations scaled by 0.75 instead of 1/0.75",
     "expected": ("dropout", "scale", "1 - p", "keep", "inverted")},
    # --------------------------------------------------------------- numpy bugs
    {"id": "SZ09", "side": "numpy", "args": rprop(numpy="09_irprop_numpy.py"),
     "mechanism": "iRprop-: the gradient is not zeroed where its sign flipped, so the weight still moves and the flipped gradient is stored as prev",
     "expected": ("sign", "flip", "zero", "rprop", "prev")},
    {"id": "SZ10", "side": "numpy", "args": rprop(numpy="10_tanhderiv_numpy.py"),
     "mechanism": "tanh derivative written 1 - h instead of 1 - h**2",
     "expected": ("tanh", "derivative", "activation", "1 - h")},
    {"id": "SZ11", "side": "numpy", "args": rprop(numpy="11_softmaxaxis_numpy.py"),
     "mechanism": "softmax normalised over axis 0 (the batch) instead of axis 1 (the classes)",
     "expected": ("axis", "softmax", "normalis", "normaliz", "batch")},
    {"id": "SZ12", "side": "numpy", "args": sgdr(numpy="12_wdvelocity_numpy.py"),
     "mechanism": "weight decay added to the step but not to the momentum buffer: the velocity accumulates the bare gradient",
     "expected": ("weight decay", "momentum", "velocity", "buffer", "decay")},
    {"id": "SZ13", "side": "numpy", "args": sgdr(numpy="13_warmup_numpy.py"),
     "mechanism": "linear warm-up written lr_max * t / warmup instead of (t + 1) / warmup: the first update has learning rate 0, each warm-up step one step behind",
     "expected": ("warm-up", "warmup", "learning rate", "off by one", "schedule")},
    {"id": "SZ14", "side": "numpy", "args": sgdr(numpy="14_msefactor_numpy.py"),
     "mechanism": "mean squared error gradient missing its factor 2: (out - y) / N instead of 2 (out - y) / N",
     "expected": ("factor 2", "factor of 2", "half", "0.5", "mse")},
    {"id": "SZ15", "side": "numpy", "args": clr(numpy="15_firstdamp_numpy.py"),
     "mechanism": "dampening applied on the first step too: the first momentum buffer is (1 - dampening) g instead of the raw gradient",
     "expected": ("dampening", "first step", "momentum", "buffer")},
    {"id": "SZ16", "side": "numpy", "args": clr(numpy="16_dropback_numpy.py"),
     "mechanism": "dropout mask (and its 1/(1-p) scale) left out of the backward pass: the gradient flows through dropped units",
     "expected": ("dropout", "mask", "dropped", "keep")},
    # ------------------------------------------------------------------ correct
    {"id": "SZ17", "side": "correct",
     "args": rprop(numpy="17_rowmajor_numpy.py",
                   pairs=["--param", "W1=fc1.weight", "--param", "b1=fc1.bias",
                          "--param", "W2=fc2.weight", "--param", "b2=fc2.bias"]),
     "mechanism": "correct: weights kept (out, in), iRprop- written with boolean masks and in-place updates",
     "expected": ()},
    {"id": "SZ18", "side": "correct",
     "args": sgdr(port="18_seqsgdr_port.py",
                  pairs=["--param", "W1=W1", "--param", "b1=b1", "--param", "W2=W2", "--param", "b2=b2"]),
     "mechanism": "correct: plain nn.Parameter tensors kept (in, out), the schedule as SequentialLR(LambdaLR warm-up, CosineAnnealingWarmRestarts)",
     "expected": ()},
    {"id": "SZ19", "side": "correct", "args": clr(port="19_lambdaclr_port.py"),
     "mechanism": "correct: triangular cyclical schedule as a LambdaLR multiplier, dropout by torch.where, log_softmax + nll_loss",
     "expected": ()},
]
