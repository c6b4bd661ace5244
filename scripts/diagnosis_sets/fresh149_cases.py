"""Hundred-forty-ninth fresh held-out set for the diagnosis: one planted bug per program in fresh149/,
16 programs (8 PyTorch ports checked against a correct NumPy program, 8 NumPy programs
checked against a correct port) and 3 correct variants. The theme is weight
reparameterisations and constrained layers written by hand, every pair run as written
(--as-written) from .npz data written by fresh149/make_data.py (seed 149).

The base programs:

  wn_numpy.py:WeightNormNet / wn_torch.py:WeightNormNet (data wn.npz: X (64, 6), y (64,)
      int64 in {0, 1, 2}). Two weight-normalised layers, W = g[:, None] * v / ||v|| with the
      norm of each row (one gain per output unit), tanh hidden layer of 12, 3 logits,
      mean softmax cross-entropy. The NumPy program writes the backward through the
      reparameterisation (dg = sum(dW * u), dv = g / ||v|| (dW - dg u)) and SGD with
      momentum 0.9 as torch writes it (buf = mu buf + g; p -= lr buf), lr 0.1, state in
      net.velocity. The port wraps two nn.Linear in
      torch.nn.utils.parametrizations.weight_norm(dim=0) (g = original0 (out, 1), v =
      original1), F.cross_entropy, torch.optim.SGD(momentum=0.9).
  lora_numpy.py:LoRANet / lora_torch.py:LoRANet (data lora.npz: X (64, 8), y (64, 4); the
      frozen layer W0 (16, 8), b0 (16,) and A's start read from lora_init.npz by both
      programs). W = W0 + (alpha / r) B @ A with r 4, alpha 8, B zeros at the start, tanh,
      a linear head W2 (NumPy (in, out) = (16, 4), the port's nn.Linear(16, 4)), mean
      squared error; only A, B, W2, b2 trained, with Adam (lr 0.01, torch's defaults)
      written by hand in NumPy (net.m, net.v, net.t) and torch.optim.Adam in the port;
      after each update a max-norm constraint scales each output unit's incoming
      weights back to norm 0.8 (NumPy: columns of W2; the port: rows of head.weight under
      torch.no_grad() after optimizer.step()). The port keeps W0, b0 as buffers.
  ws_numpy.py:StandardisedNet / ws_torch.py:StandardisedNet (data ws.npz: X (48, 5), y
      (48, 1) in {0, 1}). A weight-standardised hidden layer (each row of V1 (10, 5) centred
      and divided by sqrt(biased var + 1e-5)), tanh, positive output weights
      W2 = softplus(theta2) (1, 10), a positive gain exp(log_s) (a 0-d parameter), the
      logits s * h @ W2.T + b2, mean BCE with logits; plain SGD lr 0.5. The NumPy program
      writes the standardisation's backward by hand; the port subclasses nn.Linear for the
      standardised layer and puts softplus on the output weight with
      torch.nn.utils.parametrize.register_parametrization.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh149_cases

Each case:
    id          short name (prefixed TS)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                run uses --steps 20 --dtype float32 --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings or its tests; validated by exit
status alone (each buggy program exits 1, its fixed copy 0; each correct program exits 0).
"""

F = "scripts/diagnosis_sets/fresh149/"

_RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]

_WN_PARAMS = [
    "--param", "params['v1']=fc1.parametrizations.weight.original1",
    "--param", "params['g1']=fc1.parametrizations.weight.original0.reshape(12)",
    "--param", "params['b1']=fc1.bias",
    "--param", "params['v2']=fc2.parametrizations.weight.original1",
    "--param", "params['g2']=fc2.parametrizations.weight.original0.reshape(3)",
    "--param", "params['b2']=fc2.bias",
]
_WN_HAND_PARAMS = [
    "--param", "params['v1']=l1.v", "--param", "params['g1']=l1.g", "--param", "params['b1']=l1.b",
    "--param", "params['v2']=l2.v", "--param", "params['g2']=l2.g", "--param", "params['b2']=l2.b",
]
_LORA_PARAMS = [
    "--param", "params['A']=lora.lora_A",
    "--param", "params['B']=lora.lora_B",
    "--param", "params['W2']=head.weight.T",
    "--param", "params['b2']=head.bias",
]
_LORA_ALT_PARAMS = [
    "--param", "params['A']=lora.lora_A",
    "--param", "params['B']=lora.lora_B",
    "--param", "params['W2']=head.weight",
    "--param", "params['b2']=head.bias",
]
_WS_PARAMS = [
    "--param", "params['V1']=ws.weight",
    "--param", "params['b1']=ws.bias",
    "--param", "params['theta2']=out.parametrizations.weight.original",
    "--param", "params['log_s']=log_s",
    "--param", "params['b2']=out.bias",
]
_WS_FUNC_PARAMS = [
    "--param", "params['V1']=V1", "--param", "params['b1']=b1",
    "--param", "params['theta2']=theta2", "--param", "params['log_s']=log_s",
    "--param", "params['b2']=b2",
]


def _wn(numpy, torch, params=_WN_PARAMS):
    return [F + numpy + ":WeightNormNet", "--torch", F + torch + ":WeightNormNet", "--as-written",
            "--data", F + "wn.npz", *params, *_RUN]


def _lora(numpy, torch, params=_LORA_PARAMS):
    return [F + numpy + ":LoRANet", "--torch", F + torch + ":LoRANet", "--as-written",
            "--data", F + "lora.npz", *params, *_RUN]


def _ws(numpy, torch, params=_WS_PARAMS):
    return [F + numpy + ":StandardisedNet", "--torch", F + torch + ":StandardisedNet", "--as-written",
            "--data", F + "ws.npz", *params, *_RUN]


CASES = [
    # ---- PyTorch ports with one planted bug, against the correct NumPy program
    {"id": "TS01", "side": "port", "args": _wn("wn_numpy.py", "01_nesterov_port.py"),
     "mechanism": "torch.optim.SGD built with nesterov=True where the NumPy program uses plain (heavy-ball) momentum",
     "expected": ("nesterov", "momentum")},
    {"id": "TS02", "side": "port", "args": _wn("wn_numpy.py", "02_probs_port.py"),
     "mechanism": "F.cross_entropy given softmax probabilities instead of logits (a softmax applied twice)",
     "expected": ("softmax", "probabilities", "logits", "twice")},
    {"id": "TS03", "side": "port", "args": _wn("wn_numpy.py", "03_accum_port.py"),
     "mechanism": "optimizer.zero_grad() left out of the training step, so gradients accumulate across steps",
     "expected": ("zero_grad", "accumulat")},
    {"id": "TS04", "side": "port", "args": _lora("lora_numpy.py", "04_scaling_port.py"),
     "mechanism": "LoRA scaling written as alpha instead of alpha / r (the adapter's update scaled r times too much)",
     "expected": ("scaling", "alpha", "rank", "scale")},
    {"id": "TS05", "side": "port", "args": _lora("lora_numpy.py", "05_renorm_port.py"),
     "mechanism": "the max-norm renormalisation of the head run before optimizer.step() instead of after it",
     "expected": ("max-norm", "max norm", "renorm", "constraint", "order")},
    {"id": "TS06", "side": "port", "args": _lora("lora_numpy.py", "06_adamw_port.py"),
     "mechanism": "torch.optim.AdamW (decoupled weight decay 0.01 by default) where the NumPy program runs Adam without decay",
     "expected": ("weight decay", "adamw", "decoupled")},
    {"id": "TS07", "side": "port", "args": _ws("ws_numpy.py", "07_unbiased_port.py"),
     "mechanism": "weight standardisation uses torch.var's default unbiased (n - 1) variance where the NumPy program divides by n",
     "expected": ("unbiased", "variance", "bessel", "n - 1", "n-1")},
    {"id": "TS08", "side": "port", "args": _ws("ws_numpy.py", "08_exp_port.py"),
     "mechanism": "the positivity parametrization of the output weight written as exp(theta) instead of softplus(theta)",
     "expected": ("softplus", "exp", "parametriz", "positive")},
    # ---- NumPy programs with one planted bug, against the correct port
    {"id": "TS09", "side": "numpy", "args": _wn("09_project_numpy.py", "wn_torch.py"),
     "mechanism": "weight-norm backward into v drops the projection term: dv = g / ||v|| dW instead of g / ||v|| (dW - dg u)",
     "expected": ("weight norm", "weight-norm", "projection", "direction", "v.grad")},
    {"id": "TS10", "side": "numpy", "args": _wn("10_normaxis_numpy.py", "wn_torch.py"),
     "mechanism": "weight-norm norm of v taken over axis 0 (per input column) instead of axis 1 (per output unit)",
     "expected": ("axis", "norm", "per output", "dim")},
    {"id": "TS11", "side": "numpy", "args": _wn("11_order_numpy.py", "wn_torch.py"),
     "mechanism": "momentum update applies the previous step's velocity before updating it with the new gradient",
     "expected": ("momentum", "velocity", "order", "stale", "previous step")},
    {"id": "TS12", "side": "numpy", "args": _lora("12_biassum_numpy.py", "lora_torch.py"),
     "mechanism": "output bias gradient summed over every axis to a scalar (broadcast to all biases) instead of over the batch axis",
     "expected": ("b2", "bias", "axis", "broadcast", "sum")},
    {"id": "TS13", "side": "numpy", "args": _lora("13_maxnorm_numpy.py", "lora_torch.py"),
     "mechanism": "max-norm step rescales every column to norm 0.8 instead of only those above it (min(1, c / norm) left out)",
     "expected": ("max-norm", "max norm", "renorm", "constraint", "clip")},
    {"id": "TS14", "side": "numpy", "args": _lora("14_biascorr_numpy.py", "lora_torch.py"),
     "mechanism": "Adam's second-moment bias correction (v / (1 - beta2^t)) left out",
     "expected": ("bias correction", "bias-correction", "beta2", "second moment", "exp_avg_sq")},
    {"id": "TS15", "side": "numpy", "args": _ws("15_softplus_numpy.py", "ws_torch.py"),
     "mechanism": "softplus derivative evaluated at the output weight softplus(theta) instead of at theta: sigmoid(W2) for sigmoid(theta2)",
     "expected": ("softplus", "derivative", "theta2", "sigmoid")},
    {"id": "TS16", "side": "numpy", "args": _ws("16_logscale_numpy.py", "ws_torch.py"),
     "mechanism": "gradient of the log-gain log_s misses the chain-rule factor exp(log_s)",
     "expected": ("log_s", "exp", "chain rule", "gain")},
    # ---- correct variants
    {"id": "TS17", "side": "correct", "args": _wn("wn_numpy.py", "17_wnhand_port.py", _WN_HAND_PARAMS),
     "mechanism": "correct: weight normalisation written as its own module with g (out,), and log_softmax + nll_loss",
     "expected": ()},
    {"id": "TS18", "side": "correct", "args": _lora("18_loraalt_numpy.py", "lora_torch.py", _LORA_ALT_PARAMS),
     "mechanism": "correct: head kept (out, in), Adam's bias corrections folded as torch folds them, max-norm via np.where",
     "expected": ()},
    {"id": "TS19", "side": "correct", "args": _ws("ws_numpy.py", "19_wsfunc_port.py", _WS_FUNC_PARAMS),
     "mechanism": "correct: plain parameters, standardisation by F.layer_norm over each weight row, softplus in forward",
     "expected": ()},
]
