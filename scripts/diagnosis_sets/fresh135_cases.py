"""A hundred-and-thirty-fifth fresh held-out set for the as-written diagnosis: one planted bug per
program in fresh135/, on autoregressive models with masked weights, written blind. The theme is
MADE (a masked autoencoder for distribution estimation) with degree-based 0/1 masks on its
weight matrices fixed as data, Bernoulli and Gaussian outputs and a masked direct input-to-output
connection, and a causal (masked) 1-D convolution predicting the next value of a sequence.

The base programs (data and masks from fresh135/make_data.py, fixed seed; the masks are read by
both sides from the .npz files, never drawn at run time):

  made_bin_numpy.py:MADE / made_bin_torch.py:MADE
      binary MADE on x (64, 8) in {0,1}: a permuted input ordering, masked dense 8 -> 16 + ReLU ->
      masked dense 16 -> 8 logits plus a masked (strictly lower in the ordering) direct connection
      A (8, 8) without bias; sigmoid cross entropy summed over the 8 dims, averaged over the rows;
      Adam (lr 0.01, betas 0.9/0.999, eps 1e-8), hand-written in NumPy (weights (in, out), masks
      multiplied into the weights and into their gradients), torch.optim.Adam in the port
      (MaskedLinear = nn.Linear with a mask buffer, F.binary_cross_entropy_with_logits
      reduction="sum" / N).
  made_gauss_numpy.py:GaussianMADE / made_gauss_torch.py:GaussianMADE
      Gaussian MADE on real x (64, 6), natural ordering: masked dense 6 -> 12 + tanh -> masked
      dense 12 -> 12 + tanh -> masked mean head and log-std head (12 -> 6, same mask) plus a
      masked direct connection into the mean; Gaussian NLL 0.5 z^2 + s + 0.5 log 2pi with
      z = (x - mu) exp(-s), summed over dims, averaged over rows; SGD with momentum 0.9
      (v = mu v + g; w -= lr v), lr 0.01, by hand in NumPy, torch.optim.SGD in the port (masks
      passed to MaskedLinear transposed to the (out, in) layout).
  causal_conv_numpy.py:CausalConv / causal_conv_torch.py:CausalConv
      next-value prediction on x (48, 16) (y[t] = x[t + 1]): masked conv width 5, 1 -> 8 channels,
      padding 2 on both sides, taps after the centre masked out, tanh; masked conv width 3,
      8 -> 8, padding 1, same causal mask, tanh; 1x1 conv head 8 -> 1; mean squared error over
      all N*T predictions; plain SGD lr 0.1. NumPy: im2col by stacked shifted windows and
      einsum, hand-written backward; port: nn.Conv1d subclass with a mask buffer,
      F.mse_loss, torch.optim.SGD.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh135_cases

Each case:
    id          short name (prefixed TE)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case runs as written, 20 steps, float32 on cpu, with each parameter paired by --param
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings list or any other held-out set;
validated by exit status alone (each buggy program exits 1, its fixed copy 0; each correct one 0).
"""

F = "scripts/diagnosis_sets/fresh135/"

COMMON = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]

BIN_PARAMS = ["--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
              "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias",
              "--param", "params['A']=direct.weight.T"]
GAUSS_PARAMS = ["--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
                "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias",
                "--param", "params['Wm']=mu_head.weight.T", "--param", "params['bm']=mu_head.bias",
                "--param", "params['Ws']=logstd_head.weight.T", "--param", "params['bs']=logstd_head.bias",
                "--param", "params['A']=direct.weight.T"]
CONV_PARAMS = ["--param", "params['K1']=conv1.weight", "--param", "params['c1']=conv1.bias",
               "--param", "params['K2']=conv2.weight", "--param", "params['c2']=conv2.bias",
               "--param", "params['V']=head.weight.reshape(8)", "--param", "params['c']=head.bias"]


def bin_args(numpy="made_bin_numpy.py", torch="made_bin_torch.py"):
    return [F + numpy + ":MADE", "--torch", F + torch + ":MADE", *COMMON,
            "--data", F + "made_bin.npz", "--init", "net = MADE()", *BIN_PARAMS]


def gauss_args(numpy="made_gauss_numpy.py", torch="made_gauss_torch.py"):
    return [F + numpy + ":GaussianMADE", "--torch", F + torch + ":GaussianMADE", *COMMON,
            "--data", F + "made_gauss.npz", "--init", "net = GaussianMADE()", *GAUSS_PARAMS]


def conv_args(numpy="causal_conv_numpy.py", torch="causal_conv_torch.py"):
    return [F + numpy + ":CausalConv", "--torch", F + torch + ":CausalConv", *COMMON,
            "--data", F + "causal_seq.npz", "--init", "net = CausalConv()", *CONV_PARAMS]


CASES = [
    # ---------------------------------------------------------------- ports
    {"id": "TE01", "side": "port", "args": bin_args(torch="01_nodirect_port.py"),
     "mechanism": "the port's forward leaves out the masked direct input-to-output connection (returns fc2(h) only), so direct.weight gets no gradient",
     "expected": ("direct", "no gradient", "never used", "missing term", "skip connection")},
    {"id": "TE02", "side": "port", "args": bin_args(torch="02_bcemean_port.py"),
     "mechanism": "binary_cross_entropy_with_logits left at reduction='mean' (mean over N*D) where the NumPy program sums over the 8 dims and averages over rows: loss and gradients 1/8 as large",
     "expected": ("reduction", "mean", "sum", "factor", "scale")},
    {"id": "TE03", "side": "port", "args": bin_args(torch="03_betas_port.py"),
     "mechanism": "torch.optim.Adam built with betas=(0.9, 0.99) instead of (0.9, 0.999): the second-moment decay differs",
     "expected": ("beta", "beta2", "exp_avg_sq", "second moment")},
    {"id": "TE04", "side": "port", "args": gauss_args(torch="04_nohalf_port.py"),
     "mechanism": "Gaussian NLL written with z**2 instead of 0.5 * z**2: the squared-error term of the likelihood doubled",
     "expected": ("0.5", "half", "factor", "negative log-likelihood", "nll")},
    {"id": "TE05", "side": "port", "args": gauss_args(torch="05_dampening_port.py"),
     "mechanism": "torch.optim.SGD given dampening=0.9 beside momentum=0.9, so the buffer takes (1 - 0.9) g instead of g",
     "expected": ("dampening", "momentum_buffer", "momentum")},
    {"id": "TE06", "side": "port", "args": gauss_args(torch="06_masknotT_port.py"),
     "mechanism": "the square hidden-to-hidden mask M2 passed to MaskedLinear without the transpose to nn.Linear's (out, in) layout (it fits the shape, so nothing fails), so the wrong connections are masked",
     "expected": ("transpose", "mask", "layout", "connectivity")},
    {"id": "TE07", "side": "port", "args": conv_args(torch="07_futuretap_port.py"),
     "mechanism": "causal conv mask off by one: kernel taps kept up to centre + 1, so each position sees the next value (the target) through a future tap",
     "expected": ("mask", "future", "causal", "off by one", "leak")},
    {"id": "TE08", "side": "port", "args": conv_args(torch="08_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: gradients accumulate across steps",
     "expected": ("zero_grad", "accumulat", "previous step")},
    # ---------------------------------------------------------------- numpy
    {"id": "TE09", "side": "numpy", "args": bin_args(numpy="09_nobatchmean_numpy.py"),
     "mechanism": "the logit gradient sigmoid(logits) - y not divided by the batch size N though the loss averages over rows: every gradient N times too large",
     "expected": ("batch size", "mean", "divide", "factor", "sum")},
    {"id": "TE10", "side": "numpy", "args": bin_args(numpy="10_gradnotmasked_numpy.py"),
     "mechanism": "the gradient of the first masked weight W1 not multiplied by its mask M1: masked-out entries receive nonzero gradients and updates",
     "expected": ("mask", "masked", "W1")},
    {"id": "TE11", "side": "numpy", "args": bin_args(numpy="11_nobc2_numpy.py"),
     "mechanism": "Adam's second-moment bias correction left out (v_hat = v instead of v / (1 - beta2^t))",
     "expected": ("bias correction", "second moment", "exp_avg_sq", "beta2")},
    {"id": "TE12", "side": "numpy", "args": gauss_args(numpy="12_tanhpre_numpy.py"),
     "mechanism": "tanh derivative of the first hidden layer taken from the pre-activation, 1 - z1**2, instead of 1 - tanh(z1)**2",
     "expected": ("tanh", "derivative", "pre-activation", "activation")},
    {"id": "TE13", "side": "numpy", "args": gauss_args(numpy="13_dmusigma_numpy.py"),
     "mechanism": "gradient of the Gaussian NLL with respect to the mean divided by sigma once instead of sigma squared (variance)",
     "expected": ("sigma", "variance", "mean head", "mu", "std")},
    {"id": "TE14", "side": "numpy", "args": gauss_args(numpy="14_updateorder_numpy.py"),
     "mechanism": "momentum update in the wrong order: the weight steps with the old velocity before the velocity takes this step's gradient (no update at step 1, one step late after)",
     "expected": ("order", "velocity", "stale", "momentum", "previous")},
    {"id": "TE15", "side": "numpy", "args": conv_args(numpy="15_flipkernel_numpy.py"),
     "mechanism": "conv backward to the input uses the kernel taps reversed (convolution vs cross-correlation confusion), so the gradient reaching the first conv layer is wrong",
     "expected": ("flip", "reverse", "kernel", "convolution", "cross-correlation")},
    {"id": "TE16", "side": "numpy", "args": conv_args(numpy="16_biasmean_numpy.py"),
     "mechanism": "conv bias gradient summed over the batch but averaged over time positions instead of summed over both axes",
     "expected": ("bias", "time", "axis", "mean", "sum")},
    # ---------------------------------------------------------------- correct
    {"id": "TE17", "side": "correct",
     "args": [F + "17_outin_numpy.py:MADEOutIn", "--torch", F + "made_bin_torch.py:MADE", *COMMON,
              "--data", F + "made_bin.npz", "--init", "net = MADEOutIn()",
              "--param", "params['W1']=fc1.weight", "--param", "params['b1']=fc1.bias",
              "--param", "params['W2']=fc2.weight", "--param", "params['b2']=fc2.bias",
              "--param", "params['A']=direct.weight"],
     "mechanism": "correct: binary MADE with weights kept (out, in), log-sigmoid likelihood and Adam in torch's step-size form",
     "expected": ()},
    {"id": "TE18", "side": "correct",
     "args": [F + "made_gauss_numpy.py:GaussianMADE", "--torch", F + "18_params_port.py:GaussianMADEParams",
              *COMMON, "--data", F + "made_gauss.npz", "--init", "net = GaussianMADE()",
              "--param", "params['W1']=W1", "--param", "params['b1']=b1",
              "--param", "params['W2']=W2", "--param", "params['b2']=b2",
              "--param", "params['Wm']=Wm", "--param", "params['bm']=bm",
              "--param", "params['Ws']=Ws", "--param", "params['bs']=bs",
              "--param", "params['A']=A"],
     "mechanism": "correct: Gaussian MADE port with plain (in, out) parameters and torch.distributions.Normal log_prob",
     "expected": ()},
    {"id": "TE19", "side": "correct",
     "args": [F + "causal_conv_numpy.py:CausalConv", "--torch", F + "19_manual_port.py:CausalConvManual",
              *COMMON, "--data", F + "causal_seq.npz", "--init", "net = CausalConv()",
              "--param", "params['K1']=conv1_weight", "--param", "params['c1']=conv1_bias",
              "--param", "params['K2']=conv2_weight", "--param", "params['c2']=conv2_bias",
              "--param", "params['V']=head.weight.reshape(8)", "--param", "params['c']=head.bias"],
     "mechanism": "correct: causal conv port with explicit F.pad, a channels-last nn.Linear head and a hand-written SGD step",
     "expected": ()},
]
