"""Two hundred and twenty-fifth fresh held-out set for the diagnosis: one planted bug per program
in fresh225/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is 1-D convolutional
networks with depthwise-separable and grouped convolutions: a depthwise conv per channel then a
pointwise 1x1 conv, a grouped strided conv, GroupNorm written by hand (per sample, per group
mean and biased variance, affine gamma / beta), padding and stride, global average pooling over
time and a linear head, with a hand-written backward in NumPy; the ports use nn.Conv1d with
groups= and nn.GroupNorm, or their own ops.

The base programs (data from fresh225/make_data.py, fixed seed, nothing random while training):

    ds_numpy.py:DSConvNet / ds_torch.py:DSConvNet, ds.npz X (32, 4, 16), y (32,) in {0, 1, 2}
        depthwise conv, kernel 5, padding 2, one filter per channel, bias (NumPy: a loop over
        the 5 taps, dw kept (4, 5)); pointwise 1x1 conv 4 -> 8 with bias (pw kept (8, 4));
        GroupNorm(2 groups, 8 channels, eps 1e-5); ReLU; mean over time; dense 8 -> 3 (W kept
        (in, out)); softmax cross-entropy, mean over the batch. Adam lr 0.01, betas
        (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.
    gs_numpy.py:GroupedConvNet / gs_torch.py:GroupedConvNet, gs.npz X (24, 6, 20), y (24,) float
        grouped conv 6 -> 12, 3 groups, kernel 3, stride 2, padding 1, no bias (NumPy: strided
        windows and one einsum per group axis, torch layout (12, 2, 3)) -> length 10;
        GroupNorm(4 groups, 12 channels, eps 1e-5); GELU (tanh approximation); pointwise 1x1
        conv 12 -> 8 with bias; ReLU; mean over time; dense 8 -> 1 (w kept (8, 1)), squeezed
        to (N,); mean squared error. SGD lr 0.05, momentum 0.9, weight decay 5e-3 coupled as
        torch.optim.SGD (g + wd p into the velocity).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh225_cases

Each case:
    id          short name (prefixed WQ)
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

F = "scripts/diagnosis_sets/fresh225/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def ds(numpy="ds_numpy.py", port="ds_torch.py"):
    return [F + numpy + ":DSConvNet", "--torch", F + port + ":DSConvNet",
            "--data", F + "ds.npz", "--as-written",
            "--param", "params['dw']=dw.weight.reshape(4,5)",
            "--param", "params['db']=dw.bias",
            "--param", "params['pw']=pw.weight.reshape(8,4)",
            "--param", "params['pb']=pw.bias",
            "--param", "params['gamma']=gn.weight",
            "--param", "params['beta']=gn.bias",
            "--param", "params['W']=fc.weight.T",
            "--param", "params['b']=fc.bias", *RUN]


def gs(numpy="gs_numpy.py", port="gs_torch.py"):
    return [F + numpy + ":GroupedConvNet", "--torch", F + port + ":GroupedConvNet",
            "--data", F + "gs.npz", "--as-written",
            "--param", "params['Wg']=conv.weight",
            "--param", "params['gamma']=gn.weight",
            "--param", "params['beta']=gn.bias",
            "--param", "params['Wp']=pw.weight.reshape(8,12)",
            "--param", "params['bp']=pw.bias",
            "--param", "params['w']=head.weight.T",
            "--param", "params['c']=head.bias", *RUN]


def ds_alt_numpy():
    return [F + "ds_alt_numpy.py:DSConvNetAlt", "--torch", F + "ds_torch.py:DSConvNet",
            "--data", F + "ds.npz", "--as-written",
            "--param", "params['dw']=dw.weight.reshape(4,5)",
            "--param", "params['db']=dw.bias",
            "--param", "params['pw']=pw.weight.reshape(8,4)",
            "--param", "params['pb']=pw.bias",
            "--param", "params['gamma']=gn.weight",
            "--param", "params['beta']=gn.bias",
            "--param", "params['W']=fc.weight",
            "--param", "params['b']=fc.bias", *RUN]


def gs_alt_torch():
    return [F + "gs_numpy.py:GroupedConvNet", "--torch", F + "gs_alt_torch.py:GroupedRegressor",
            "--data", F + "gs.npz", "--as-written",
            "--param", "params['Wg']=conv_w",
            "--param", "params['gamma']=gn_w",
            "--param", "params['beta']=gn_b",
            "--param", "params['Wp']=pw_w",
            "--param", "params['bp']=pw_b",
            "--param", "params['w']=head_w.reshape(8,1)",
            "--param", "params['c']=head_b", *RUN]


def ds_alt_torch():
    return [F + "ds_numpy.py:DSConvNet", "--torch", F + "ds_alt_torch.py:SeparableClassifier",
            "--data", F + "ds.npz", "--as-written",
            "--param", "params['dw']=dw",
            "--param", "params['db']=dw_bias",
            "--param", "params['pw']=point.weight",
            "--param", "params['pb']=point.bias",
            "--param", "params['gamma']=norm_weight",
            "--param", "params['beta']=norm_bias",
            "--param", "params['W']=classifier.weight.T",
            "--param", "params['b']=classifier.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WQ01", "side": "port", "args": ds(port="01_dwpad_port.py"),
     "mechanism": "depthwise nn.Conv1d with padding=1 (a kernel-3 habit) where the kernel is 5 and "
                  "the NumPy program pads 2 each side: a length-14 map, hidden by the time pooling",
     "expected": ("padding", "pad", "length", "shape")},
    {"id": "WQ02", "side": "port", "args": ds(port="02_gapsum_port.py"),
     "mechanism": "global pooling as x.sum(dim=2) instead of x.mean(dim=2): the pooled features "
                  "16 times too large",
     "expected": ("sum", "mean", "pool", "16", "reduction")},
    {"id": "WQ03", "side": "port", "args": ds(port="03_adambetas_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "0.99", "second moment", "exp_avg_sq")},
    {"id": "WQ04", "side": "port", "args": ds(port="04_gndetach_port.py"),
     "mechanism": "hand-written group norm computes its mean and variance under torch.no_grad(): "
                  "no gradient flows through the group statistics",
     "expected": ("detach", "no_grad", "statistics", "mean", "variance")},
    {"id": "WQ05", "side": "port", "args": gs(port="05_stride_port.py"),
     "mechanism": "grouped nn.Conv1d without stride=2: a length-20 map instead of length 10, "
                  "hidden by the time pooling",
     "expected": ("stride", "length", "shape")},
    {"id": "WQ06", "side": "port", "args": gs(port="06_nowd_port.py"),
     "mechanism": "torch.optim.SGD without weight_decay=5e-3: the decay the NumPy SGD adds to "
                  "each gradient is missing",
     "expected": ("weight decay", "weight_decay", "decay", "l2")},
    {"id": "WQ07", "side": "port", "args": gs(port="07_squeeze_port.py"),
     "mechanism": "forward returns the head's (N, 1) output without squeeze(1); F.mse_loss "
                  "against y (N,) broadcasts to (N, N)",
     "expected": ("broadcast", "squeeze", "shape", "(n, n)", "n x n")},
    {"id": "WQ08", "side": "port", "args": gs(port="08_geluerf_port.py"),
     "mechanism": "F.gelu with the exact erf form (default approximate='none') where the NumPy "
                  "program uses the tanh approximation",
     "expected": ("gelu", "tanh", "approximate", "erf", "activation")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WQ09", "side": "numpy", "args": ds(numpy="09_dwflip_numpy.py"),
     "mechanism": "depthwise kernel gradient stored at the flipped tap (ddw[:, k-1-j] for tap j): "
                  "convolution vs cross-correlation confused in the backward",
     "expected": ("flip", "flipped", "reversed", "kernel", "dw")},
    {"id": "WQ10", "side": "numpy", "args": ds(numpy="10_gnmeanterm_numpy.py"),
     "mechanism": "group-norm backward leaves out the mean(dxhat) term (the gradient through "
                  "the group mean)",
     "expected": ("mean", "missing term", "group norm", "groupnorm", "normalization")},
    {"id": "WQ11", "side": "numpy", "args": ds(numpy="11_adamstep_numpy.py"),
     "mechanism": "Adam bias correction with the step off by one (1 - beta ** (t + 1) after t "
                  "has already been incremented)",
     "expected": ("bias correction", "bias-correct", "off-by-one", "step count", "t + 1")},
    {"id": "WQ12", "side": "numpy", "args": ds(numpy="12_relumask_numpy.py"),
     "mechanism": "ReLU backward masks with xhat > 0 (the normalised value before gamma and beta) "
                  "instead of the group-norm output > 0; equal at the start (gamma 1, beta 0)",
     "expected": ("relu", "mask", "xhat", "affine", "pre-activation")},
    {"id": "WQ13", "side": "numpy", "args": gs(numpy="13_grouplayout_numpy.py"),
     "mechanism": "group norm groups the channels interleaved (reshape (N, C/G, G, L), group g = "
                  "channels g, g+4, g+8) instead of contiguous blocks of 3 as nn.GroupNorm; "
                  "backward consistent with it",
     "expected": ("group", "groups", "reshape", "interleaved", "channel")},
    {"id": "WQ14", "side": "numpy", "args": gs(numpy="14_geluderiv_numpy.py"),
     "mechanism": "tanh-GELU derivative with d/dx(0.044715 x^3) taken as 0.044715 x^2 (the "
                  "factor 3 missing)",
     "expected": ("gelu", "derivative", "0.044715", "factor 3", "3x^2")},
    {"id": "WQ15", "side": "numpy", "args": gs(numpy="15_wdoutside_numpy.py"),
     "mechanism": "weight decay applied outside the momentum buffer (p -= lr (v + wd p), v built "
                  "from g alone) where torch.optim.SGD adds wd p to the gradient before momentum",
     "expected": ("weight decay", "weight_decay", "decoupled", "momentum", "decay")},
    {"id": "WQ16", "side": "numpy", "args": gs(numpy="16_msegrad_numpy.py"),
     "mechanism": "MSE gradient without the factor 2 (dpred = (pred - y) / N): every gradient "
                  "half as large",
     "expected": ("factor 2", "factor of 2", "half", "0.5", "mse")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WQ17", "side": "correct", "args": ds_alt_numpy(),
     "mechanism": "correct: depthwise conv by einsum over sliding windows, group-norm backward "
                  "through dvar and dmean, W kept (out, in), one-hot softmax gradient, in-place Adam",
     "expected": ()},
    {"id": "WQ18", "side": "correct", "args": gs_alt_torch(),
     "mechanism": "correct: port of raw nn.Parameters with F.conv1d(groups=3, stride=2), group norm "
                  "written out, GELU by its tanh formula, einsum pointwise conv, head as a vector",
     "expected": ()},
    {"id": "WQ19", "side": "correct", "args": ds_alt_torch(),
     "mechanism": "correct: port with the depthwise conv through unfold, the pointwise conv as "
                  "nn.Linear on channels-last, F.group_norm, log_softmax + nll_loss, Adam on two groups",
     "expected": ()},
]
