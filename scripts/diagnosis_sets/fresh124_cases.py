"""Hundred-and-twenty-fourth fresh held-out set of the diagnosis: one planted bug per program in fresh124/,
written blind. The theme is non-differentiable forwards trained with hand-chosen surrogate
gradients and custom autograd: straight-through estimators, surrogate spike derivatives,
quantised weights and activations, and a leaky integrate-and-fire neuron unrolled over time.
The NumPy programs write each surrogate into their hand-written backward; the ports write a
torch.autograd.Function (forward/backward) or the detach trick x + (f(x) - x).detach().

Three base programs, each a NumPy program with its idiomatic PyTorch port (data from
fresh124/make_data.py, seed 124; nothing random is drawn during training):

- bin_numpy.py:BinaryMLP / bin_torch.py:BinaryMLP (bin.npz: X (64, 6), one-hot y (64, 3)):
  W1q = round(4 W1) / 4 with a straight-through rounding (the latent W1 takes dW1q), h = X @ W1q + b1,
  a = sign(h) with the straight-through estimator grad * (|h| <= 1), logits = a @ W2 + b2,
  softmax cross-entropy (mean over rows); Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, written out
  in NumPy (m, v, t) and torch.optim.Adam in the port (autograd.Functions RoundSTE and SignSTE,
  nn.Linear layers, weight = W.T).
- lif_numpy.py:LIFNet / lif_torch.py:LIFNet (lif.npz: 0/1 input spikes X (64, 5, 8), one-hot y (64, 3)):
  a hidden layer of 20 LIF neurons over T = 5 steps, I_t = x_t @ W1 + b1,
  v_t = 0.8 v_{t-1} + I_t - 1.0 * s_{t-1} (reset by subtraction, the reset not differentiated),
  s_t = H(v_t - 1) with the fast-sigmoid surrogate 1 / (1 + 5 |v_t - 1|)^2, BPTT carrying
  0.8 dL/dv_{t+1}; logits = mean_t(s_t) @ W2 + b2, softmax cross-entropy; SGD with momentum 0.9,
  lr 0.5 (velocity = 0.9 velocity + grad) by hand and torch.optim.SGD(momentum=0.9) in the port
  (autograd.Function FastSigmoidSpike, parameters kept in the NumPy layout).
- qstep_numpy.py:QuantStepNet / qstep_torch.py:QuantStepNet (qstep.npz: X (64, 5), y (64, 1)):
  h1 = X @ W1 + b1, q = round(3 clip(h1, 0, 1)) / 3 (2-bit activation, straight-through rounding,
  the clip's derivative kept), h2 = q @ W2 + b2, s = H(h2) with the surrogate derivative
  4 sigmoid(4 h2)(1 - sigmoid(4 h2)), out = s @ W3 + b3, mean squared error; SGD lr 0.1 with an
  L2 weight decay 0.01 on the weights only (the port: the detach trick for both surrogates,
  nn.Linear layers, torch.optim.SGD with two parameter groups).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh124_cases

Each case:
    id          short name (prefixed ST)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); a "port"
                case checks a buggy port against the correct NumPy base, a "numpy" case a buggy
                NumPy program against the correct port, a "correct" case a correct variant
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, or any other held-out
set; validated by exit status alone (each bug fails with exit 1 and passes with exit 0 once its
`# fix:` line is applied; each base pair and each correct variant passes with exit 0).
"""

F = "scripts/diagnosis_sets/fresh124/"

RUN = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]

BIN_PARAMS = ["--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
              "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias"]
LIF_PARAMS = ["--param", "params['W1']=W1", "--param", "params['b1']=b1",
              "--param", "params['W2']=W2", "--param", "params['b2']=b2"]
QSTEP_PARAMS = ["--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
                "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias",
                "--param", "params['W3']=fc3.weight.T", "--param", "params['b3']=fc3.bias"]
QSTEP_TENSOR_PARAMS = ["--param", "params['W1']=W1", "--param", "params['b1']=b1",
                       "--param", "params['W2']=W2", "--param", "params['b2']=b2",
                       "--param", "params['W3']=W3", "--param", "params['b3']=b3"]


def bin_case(numpy_file="bin_numpy.py", torch_file="bin_torch.py"):
    return [F + numpy_file + ":BinaryMLP", "--torch", F + torch_file + ":BinaryMLP",
            "--data", F + "bin.npz", *BIN_PARAMS, *RUN]


def lif_case(numpy_file="lif_numpy.py", torch_file="lif_torch.py"):
    return [F + numpy_file + ":LIFNet", "--torch", F + torch_file + ":LIFNet",
            "--data", F + "lif.npz", *LIF_PARAMS, *RUN]


def qstep_case(numpy_file="qstep_numpy.py", torch_file="qstep_torch.py", params=QSTEP_PARAMS):
    return [F + numpy_file + ":QuantStepNet", "--torch", F + torch_file + ":QuantStepNet",
            "--data", F + "qstep.npz", *params, *RUN]


CASES = [
    # ---- ports with one planted bug, each against its correct NumPy base
    {"id": "ST01", "side": "port", "args": bin_case(torch_file="01_ste_mask_port.py"),
     "mechanism": "the sign's straight-through backward passes the gradient everywhere, the |h| <= 1 mask left out",
     "expected": ("mask", "|h| <= 1", "hardtanh", "clip", "saturat")},
    {"id": "ST02", "side": "port", "args": bin_case(torch_file="02_noquant_port.py"),
     "mechanism": "the forward uses the latent full-precision weight fc1.weight instead of its rounded (quantised) copy",
     "expected": ("quantis", "quantiz", "round", "latent", "full-precision")},
    {"id": "ST03", "side": "port", "args": lif_case(torch_file="03_reset_grad_port.py"),
     "mechanism": "the reset by subtraction uses the previous spike without .detach(), so gradient flows through the reset",
     "expected": ("detach", "reset", "stop-gradient")},
    {"id": "ST04", "side": "port", "args": lif_case(torch_file="04_surrogate_sq_port.py"),
     "mechanism": "the fast-sigmoid surrogate derivative is 1/(1+k|x|) instead of 1/(1+k|x|)^2 (square left out)",
     "expected": ("square", "power", "exponent", "fast sigmoid", "fast-sigmoid")},
    {"id": "ST05", "side": "port", "args": lif_case(torch_file="05_reset_zero_port.py"),
     "mechanism": "reset to zero (v = beta v (1 - s) + I) instead of reset by subtracting the threshold",
     "expected": ("reset", "to zero", "subtract", "threshold")},
    {"id": "ST06", "side": "port", "args": lif_case(torch_file="06_nesterov_port.py"),
     "mechanism": "torch.optim.SGD built with nesterov=True where the NumPy program uses plain (heavy-ball) momentum",
     "expected": ("nesterov", "momentum")},
    {"id": "ST07", "side": "port", "args": qstep_case(torch_file="07_nodetach_port.py"),
     "mechanism": "the straight-through rounding written without .detach(): the round's zero gradient cancels the identity, no gradient to the first layer",
     "expected": ("detach", "no gradient", "zero gradient", "stop-gradient")},
    {"id": "ST08", "side": "port", "args": qstep_case(torch_file="08_decay_bias_port.py"),
     "mechanism": "the parameter-group filter (name == 'bias') never matches, so the biases get weight decay too",
     "expected": ("weight decay", "bias", "parameter group", "no_decay")},
    # ---- NumPy programs with one planted bug, each against its correct port
    {"id": "ST09", "side": "numpy", "args": bin_case(numpy_file="09_ce_sum_numpy.py"),
     "mechanism": "the cross-entropy gradient (probs - y) is not divided by the batch size: a sum against torch's mean",
     "expected": ("batch size", "1/N", "sum", "reduction", "divid")},
    {"id": "ST10", "side": "numpy", "args": bin_case(numpy_file="10_vhat_numpy.py"),
     "mechanism": "Adam's second moment is used without its bias correction (v_hat = v)",
     "expected": ("bias correction", "bias-correction", "second moment", "v_hat", "exp_avg_sq")},
    {"id": "ST11", "side": "numpy", "args": bin_case(numpy_file="11_softmax_axis_numpy.py"),
     "mechanism": "the softmax normalises over the batch axis (axis=0) instead of the class axis",
     "expected": ("softmax", "axis", "normali")},
    {"id": "ST12", "side": "numpy", "args": lif_case(numpy_file="12_bptt_trunc_numpy.py"),
     "mechanism": "BPTT drops the beta * dL/dv_{t+1} term: no gradient carried back through the membrane decay",
     "expected": ("through time", "bptt", "beta", "decay", "truncat")},
    {"id": "ST13", "side": "numpy", "args": lif_case(numpy_file="13_surrogate_arg_numpy.py"),
     "mechanism": "the surrogate derivative is evaluated at v instead of v - theta (threshold shift left out)",
     "expected": ("threshold", "theta", "shift", "offset")},
    {"id": "ST14", "side": "numpy", "args": lif_case(numpy_file="14_momentum_order_numpy.py"),
     "mechanism": "the parameter is updated with the old velocity before the velocity takes this step's gradient",
     "expected": ("velocity", "order", "stale", "previous step", "momentum buffer")},
    {"id": "ST15", "side": "numpy", "args": qstep_case(numpy_file="15_mse_factor_numpy.py"),
     "mechanism": "the mean-squared-error derivative leaves out the factor 2",
     "expected": ("factor 2", "factor of 2", "twice", "half")},
    {"id": "ST16", "side": "numpy", "args": qstep_case(numpy_file="16_surrogate_k_numpy.py"),
     "mechanism": "the sigmoid surrogate derivative of the step leaves out the slope k (sig(kx)(1-sig(kx)) without k)",
     "expected": ("slope", "factor 4", "factor of 4", "steepness", "k =")},
    # ---- correct, differently written programs
    {"id": "ST17", "side": "correct", "args": bin_case(torch_file="17_ste_detach_port.py"),
     "mechanism": "correct: both straight-through estimators by the detach trick, cross-entropy on class indices",
     "expected": ()},
    {"id": "ST18", "side": "correct", "args": lif_case(numpy_file="18_lif_timemajor_numpy.py"),
     "mechanism": "correct: time-major LIF with stored surrogates, einsum weight gradient, in-place momentum",
     "expected": ()},
    {"id": "ST19", "side": "correct",
     "args": qstep_case(torch_file="19_qstep_tensors_port.py", params=QSTEP_TENSOR_PARAMS),
     "mechanism": "correct: plain parameter tensors, autograd.Functions, hand-written SGD with weight decay on the weights",
     "expected": ()},
]
