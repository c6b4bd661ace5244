"""One hundred and ninety-fifth fresh held-out set for the diagnosis: one planted bug per program
in fresh195/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is WaveNet-style causal
convolutional sequence models written by hand: dilated causal 1-D convolutions (left padding
d*(k-1)), the gated activation tanh(conv_f) * sigmoid(conv_g), residual and skip 1x1
convolutions, the skips summed into a 1x1 output head, MSE over every time step, trained with
Adam or with SGD and Nesterov momentum.

The base programs (data from fresh195/make_data.py, fixed seed, nothing random while training):

    wn_numpy.py:WaveNet / wn_torch.py:WaveNet, wn.npz X (32, 1, 24) noisy sums of sines,
        y (32, 1, 24) the series one step ahead (next-value prediction)
        1x1 input conv 1->8; three gated blocks, kernel 2, dilations 1, 2, 4 (NumPy: a loop over
        taps of einsums on a left-padded copy, kernels (out, in, k); torch: nn.Conv1d with
        padding=d and the right-hand extra outputs cropped, [..., :-d]); 1x1 skip convs 8->12
        summed (NumPy: into a buffer kept between calls, zeroed each forward); 1x1 residual
        convs in blocks 0 and 1; ReLU; 1x1 head 12->1. MSE mean over batch and time.
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.
    res_numpy.py:ResWaveNet / res_torch.py:ResWaveNet, res.npz X (32, 3, 20) random inputs,
        y (32, 1, 20) a causal nonlinear function of current and lagged inputs
        NumPy kept channels-last (N, T, C): 1x1 layers as x @ W (W (in, out)), kernels
        (tap, in, out), kernel 3, dilations 1, 2, 4 on a zero-padded copy; torch: nn.Linear for
        every 1x1 layer, nn.Conv1d after F.pad(x, (2d, 0)), dilation 2**i. Three gated blocks,
        skips 8->8 summed, residual in blocks 0 and 1, head ReLU -> 8->8 -> ReLU -> 8->1.
        MSE mean. SGD lr 0.05, momentum 0.9, nesterov=True (v = mu v + g; p -= lr (g + mu v)).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh195_cases

Each case:
    id          short name (prefixed VM)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh195/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def _pairs(pairs):
    args = []
    for numpy_expr, torch_name in pairs:
        args += ["--param", f"{numpy_expr}={torch_name}"]
    return args


def wn(numpy="wn_numpy.py", port="wn_torch.py", kernel=""):
    """kernel: the layout of the dilated kernels ("" for (out, in, k), ".permute(2,0,1)" for (k, out, in))."""
    pairs = [("params['Win']", "inp.weight.reshape(8,1)"), ("params['b_in']", "inp.bias")]
    for l in range(3):
        pairs += [(f"params['Wf{l}']", f"filt.{l}.weight{kernel}"), (f"params['bf{l}']", f"filt.{l}.bias"),
                  (f"params['Wg{l}']", f"gate.{l}.weight{kernel}"), (f"params['bg{l}']", f"gate.{l}.bias"),
                  (f"params['Ws{l}']", f"skip.{l}.weight.reshape(12,8)"), (f"params['bs{l}']", f"skip.{l}.bias")]
    for l in range(2):
        pairs += [(f"params['Wr{l}']", f"res.{l}.weight.reshape(8,8)"), (f"params['br{l}']", f"res.{l}.bias")]
    pairs += [("params['Wo']", "out.weight.reshape(1,12)"), ("params['bo']", "out.bias")]
    return [F + numpy + ":WaveNet", "--torch", F + port + ":WaveNet",
            "--data", F + "wn.npz", "--as-written", *_pairs(pairs), *RUN]


def res(numpy="res_numpy.py", port="res_torch.py"):
    pairs = [("params['in.W']", "inp.weight.T"), ("params['in.b']", "inp.bias")]
    for l in range(3):
        pairs += [(f"params['block{l}.Wf']", f"blocks.{l}.conv_f.weight.permute(2,1,0)"),
                  (f"params['block{l}.bf']", f"blocks.{l}.conv_f.bias"),
                  (f"params['block{l}.Wg']", f"blocks.{l}.conv_g.weight.permute(2,1,0)"),
                  (f"params['block{l}.bg']", f"blocks.{l}.conv_g.bias"),
                  (f"params['block{l}.Ws']", f"blocks.{l}.skip.weight.T"),
                  (f"params['block{l}.bs']", f"blocks.{l}.skip.bias")]
    for l in range(2):
        pairs += [(f"params['block{l}.Wr']", f"blocks.{l}.res.weight.T"),
                  (f"params['block{l}.br']", f"blocks.{l}.res.bias")]
    pairs += [("params['head.W1']", "head1.weight.T"), ("params['head.b1']", "head1.bias"),
              ("params['head.Wo']", "head2.weight.T"), ("params['head.bo']", "head2.bias")]
    return [F + numpy + ":ResWaveNet", "--torch", F + port + ":ResWaveNet",
            "--data", F + "res.npz", "--as-written", *_pairs(pairs), *RUN]


def res_raw():
    """res_numpy.py against res_alt_torch.py, whose raw nn.Parameters keep the NumPy layouts."""
    pairs = [("params['in.W']", "w_in"), ("params['in.b']", "b_in")]
    for l in range(3):
        names = ("Wf", "bf", "Wg", "bg", "Ws", "bs") + (("Wr", "br") if l < 2 else ())
        pairs += [(f"params['block{l}.{n}']", f"blocks.{l}.{n.lower()}") for n in names]
    pairs += [("params['head.W1']", "w1"), ("params['head.b1']", "b1"),
              ("params['head.Wo']", "wo"), ("params['head.bo']", "bo")]
    return [F + "res_numpy.py:ResWaveNet", "--torch", F + "res_alt_torch.py:ResWaveNet",
            "--data", F + "res.npz", "--as-written", *_pairs(pairs), *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VM01", "side": "port", "args": wn(port="01_noncausal_port.py"),
     "mechanism": "nn.Conv1d(padding=d) output cropped at the wrong end ([..., pad:] instead of "
                  "[..., :-pad]): each output sees t and t + d, a non-causal convolution that looks ahead",
     "expected": ("causal", "crop", "future", "padding", "shift")},
    {"id": "VM02", "side": "port", "args": wn(port="02_gateswap_port.py"),
     "mechanism": "gated activation with the nonlinearities swapped: sigmoid(conv_f) * tanh(conv_g) "
                  "instead of tanh(conv_f) * sigmoid(conv_g)",
     "expected": ("gate", "tanh", "sigmoid", "swapped", "activation")},
    {"id": "VM03", "side": "port", "args": wn(port="03_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999: "
                  "the second moment (exp_avg_sq) and its bias correction differ",
     "expected": ("beta2", "betas", "0.999", "second moment", "exp_avg_sq")},
    {"id": "VM04", "side": "port", "args": wn(port="04_zerograd_port.py"),
     "mechanism": "optimizer.zero_grad() missing from train_step: gradients accumulate across "
                  "steps, from step 2 on",
     "expected": ("zero_grad", "accumulat", "accumulate")},
    {"id": "VM05", "side": "port", "args": res(port="05_nonesterov_port.py"),
     "mechanism": "torch.optim.SGD(momentum=0.9) without nesterov=True: plain heavy-ball momentum "
                  "where the NumPy program takes the Nesterov step",
     "expected": ("nesterov",)},
    {"id": "VM06", "side": "port", "args": res(port="06_timesum_port.py"),
     "mechanism": "loss ((out - y) ** 2).sum(dim=-1).mean(): squared error summed over the 20 time "
                  "steps and averaged over the batch, against the NumPy mean over all elements",
     "expected": ("sum", "mean", "reduction", "time", "20")},
    {"id": "VM07", "side": "port", "args": res(port="07_dilation_port.py"),
     "mechanism": "block dilations computed as 2 ** (i + 1) (2, 4, 8) instead of 2 ** i (1, 2, 4): "
                  "every dilated convolution reaches one octave too far back",
     "expected": ("dilation", "off-by-one", "2 ** i", "receptive")},
    {"id": "VM08", "side": "port", "args": res(port="08_nores_port.py"),
     "mechanism": "residual connection dropped in the port's block: x = self.res(z) instead of "
                  "x = x + self.res(z)",
     "expected": ("residual", "skip connection", "identity", "x + ")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VM09", "side": "numpy", "args": wn(numpy="09_tanhderiv_numpy.py"),
     "mechanism": "tanh derivative of the filter branch taken at the activation: "
                  "1 - tanh(tanh(f))**2 instead of 1 - tanh(f)**2 (tanh applied twice)",
     "expected": ("tanh", "derivative", "activated", "twice", "filter")},
    {"id": "VM10", "side": "numpy", "args": wn(numpy="10_dilationgrad_numpy.py"),
     "mechanism": "causal-conv kernel gradient reads tap j at offset j instead of j*d (dilation "
                  "left out of the weight gradient only): filter and gate kernels of the dilated blocks",
     "expected": ("dilation", "offset", "kernel", "tap", "shift")},
    {"id": "VM11", "side": "numpy", "args": wn(numpy="11_epssqrt_numpy.py"),
     "mechanism": "Adam eps inside the square root: m_hat / sqrt(v_hat + eps) instead of "
                  "m_hat / (sqrt(v_hat) + eps)",
     "expected": ("eps", "epsilon", "sqrt", "square root")},
    {"id": "VM12", "side": "numpy", "args": wn(numpy="12_skipreset_numpy.py"),
     "mechanism": "skip-sum buffer kept between calls is never zeroed: each forward adds its skips "
                  "onto the previous step's sum (state carried over), from step 2 on",
     "expected": ("reset", "carried", "state", "skip", "accumulat")},
    {"id": "VM13", "side": "numpy", "args": res(numpy="13_stalevel_numpy.py"),
     "mechanism": "Nesterov step taken with the previous velocity: p -= lr (g + mu v_old), the "
                  "velocity updated afterwards, instead of p -= lr (g + mu v_new)",
     "expected": ("nesterov", "velocity", "stale", "previous", "momentum")},
    {"id": "VM14", "side": "numpy", "args": res(numpy="14_residgrad_numpy.py"),
     "mechanism": "backward of the residual connection drops the identity path: the gradient into "
                  "a block's input is only the conv part (dx = dxp instead of dx + dxp)",
     "expected": ("residual", "identity", "skip connection", "missing term")},
    {"id": "VM15", "side": "numpy", "args": res(numpy="15_padcrop_numpy.py"),
     "mechanism": "input gradient of the causal conv cropped at the wrong end of the padded "
                  "copy (dxp[:, :T] instead of dxp[:, pad:]): shifted by the padding in time",
     "expected": ("padding", "crop", "shift", "time", "off-by")},
    {"id": "VM16", "side": "numpy", "args": res(numpy="16_restranspose_numpy.py"),
     "mechanism": "residual 1x1 weight gradient transposed: dx^T @ z (out, in) stored for Wr kept "
                  "(in, out); square, so the shape still fits",
     "expected": ("transpose", "transposed", "layout", "wr")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VM17", "side": "correct", "args": wn(numpy="wn_alt_numpy.py", kernel=".permute(2,0,1)"),
     "mechanism": "correct: NumPy WaveNet with tap-major kernels (k, out, in), im2col stack, filter "
                  "and gate as one stacked convolution, sigmoid via tanh, Adam updated in place",
     "expected": ()},
    {"id": "VM18", "side": "correct", "args": res_raw(),
     "mechanism": "correct: port with raw nn.Parameters in the NumPy layouts, F.conv1d on "
                  "permuted kernels, 1x1 layers as matmuls, loss written out as a mean",
     "expected": ()},
    {"id": "VM19", "side": "correct", "args": res(numpy="res_alt_numpy.py"),
     "mechanism": "correct: NumPy regressor kept (N, C, T) with einsum, causal conv by shifting "
                  "the input per tap, Nesterov in the expanded form (1+mu) g + mu^2 v_old",
     "expected": ()},
]
