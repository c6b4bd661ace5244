"""Fifty-ninth fresh held-out set for the diagnosis: one planted bug per program in fresh59/
(eight PyTorch ports, five of them checked against a NumPy program of their own, and eight NumPy
programs, five of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is gating and mixtures written by hand: gated linear units (SwiGLU
from two weight matrices, GeGLU from one split projection), maxout units (the max over K pieces,
its gradient routed to the winning piece), a soft mixture of linear experts under a softmax
router, squeeze-and-excitation feature gating (a sigmoid gate from a pooled summary rescaling the
channels), bilinear interaction layers (x^T W z, nn.Bilinear), and in plain networks the gates
people see in them (ReLU as a 0/1 gate or a two-piece maxout, sigmoid as a two-way softmax,
router-style normalised sigmoid scores, WaveNet's gated tanh, the straight-through detach trick).
fresh59/make_data.py writes the pairs' data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh59_cases

Each case:
    id          short name (prefixed QG)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py) and of fresh/, fresh2/, ..., fresh58/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference, written beside it as
`# fix: ...`) to pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh59/"
port, numpy_net = in_folder(F)

CURVE, BLOBS, PAIRS, BANDS = F + "curve.npz", F + "blobs.npz", F + "pairs.npz", F + "bands.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


SWIGLU = params("Wv=value.weight.T", "bv=value.bias", "Wg=gate.weight.T", "bg=gate.bias",
                "W2=head.weight.T", "b2=head.bias")
MAXOUT = params("W1=pieces.weight.T", "b1=pieces.bias", "W2=head.weight.T", "b2=head.bias")
MIXTURE = params("Wr=router.weight.T", "br=router.bias",
                 "We[0]=experts.0.weight.T", "be[0]=experts.0.bias", "We[1]=experts.1.weight.T",
                 "be[1]=experts.1.bias", "We[2]=experts.2.weight.T", "be[2]=experts.2.bias")
BILINEAR = params("W=bilinear.weight", "b=bilinear.bias", "W2=head.weight.T", "b2=head.bias")
SQUEEZE = params("Wa=excite.0.weight.T", "ba=excite.0.bias", "Wb=excite.2.weight.T", "bb=excite.2.bias",
                 "Wo=readout.weight.T", "bo=readout.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QG01_swiglu_regressor", side="port",
         args=pair("01_swiglu_regressor_numpy.py", "SwiGLURegressor", "01_swiglu_regressor_torch.py",
                   "SwiGLURegressor", "--data", CURVE, *SWIGLU),
         mechanism="pair: the port builds its SwiGLU unit with F.glu(torch.cat([value, gate], dim=1), dim=1), "
                   "which computes value * sigmoid(gate) (the plain GLU), where the NumPy program's SwiGLU is "
                   "value * swish(gate) = value * gate * sigmoid(gate): the gate's extra factor gate is missing, "
                   "so the hidden units, the output and every gradient differ from the first forward pass",
         expected=("f.glu", "glu", "swiglu", "swish", "silu", "sigmoid", "gate * sigmoid(gate)",
                   "g * sigmoid(g)", "value * sigmoid", "plain glu", "gated linear unit", "gate half",
                   "missing factor", "activation of the gate", "wrong gate activation")),
    dict(id="QG02_maxout_classifier", side="port",
         args=pair("02_maxout_classifier_numpy.py", "MaxoutClassifier", "02_maxout_classifier_torch.py",
                   "MaxoutClassifier", "--data", BLOBS, *MAXOUT),
         mechanism="pair: the port views the (n, 15) piece pre-activations as (n, K=3, UNITS=5) and takes the "
                   "max over dim=1, where the NumPy program reshapes them (n, UNITS, K) and maxes over the last "
                   "axis: unit j's pieces are the strided columns j, j+5, j+10 instead of the contiguous 3j..3j+2, "
                   "so the units pool the wrong pieces and the hidden layer, the output and every gradient differ",
         expected=("view", "reshape", "maxout", "pieces", "wrong axis", "dim=1", "dim=2", "strided",
                   "contiguous", "grouping", "grouped", "units and pieces", "axis order", "transposed",
                   "max over", "order of the axes")),
    dict(id="QG03_expert_mixture", side="port",
         args=pair("03_expert_mixture_numpy.py", "MixtureOfExperts", "03_expert_mixture_torch.py",
                   "MixtureOfExperts", "--data", CURVE, *MIXTURE),
         mechanism="pair: subscript typo in the port's combination, torch.einsum('ne,nfo->no', gates, outs) "
                   "instead of 'ne,neo->no': the expert index of the gates and of the outputs are summed "
                   "separately, (sum_e g_e)(sum_f f_f), and the router's softmax sums to one, so the output is "
                   "the plain sum of the three experts, the router gets no gradient and every expert the full error",
         expected=("einsum", "subscript", "index", "nfo", "neo", "sum of the experts", "sum of experts",
                   "unweighted", "gates sum to one", "sum to 1", "router", "no gradient", "gate", "mixture",
                   "expert index", "summed separately")),
    dict(id="QG04_bilinear_classifier", side="port",
         args=pair("04_bilinear_classifier_numpy.py", "BilinearClassifier", "04_bilinear_classifier_torch.py",
                   "BilinearClassifier", "--data", PAIRS, *BILINEAR),
         mechanism="pair: the port calls nn.Bilinear with its two inputs exchanged, self.bilinear(z, x) instead "
                   "of self.bilinear(x, z): on the square 4 x 4 slices it computes z^T W_k x = x^T W_k^T z, the "
                   "transpose of every weight slice, so the bilinear units, the logit and every gradient differ "
                   "(W's gradient arrives transposed)",
         expected=("bilinear", "nn.bilinear", "argument order", "arguments swapped", "swapped", "exchanged",
                   "order of the inputs", "input1", "input2", "transpose", "transposed", "w^t", "x^t w z",
                   "z^t w x", "slice", "in1", "in2")),
    dict(id="QG05_squeeze_excite", side="port",
         args=pair("05_squeeze_excite_numpy.py", "SqueezeExcite", "05_squeeze_excite_torch.py",
                   "SqueezeExcite", "--data", BANDS, *SQUEEZE),
         mechanism="pair: the port's excitation nn.Sequential already ends in nn.Sigmoid and forward applies "
                   "torch.sigmoid to its output again: the channel gate is sigmoid(sigmoid(a)), squashed into "
                   "(0.5, 0.73) instead of (0, 1), so every channel is rescaled by the wrong gate and the gate's "
                   "gradient carries an extra sigmoid derivative",
         expected=("sigmoid twice", "twice", "double sigmoid", "sigmoid(sigmoid", "applied twice", "nn.sigmoid",
                   "already", "gate", "squeeze", "excitation", "(0.5", "0.73", "squashed", "extra sigmoid",
                   "channel gate")),
    dict(id="QG06_router_softmax", side="port",
         args=port("06_router_softmax_port.py", "Net", *OPT, "--data", "random:45,5,3",
                   "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                   "--lr", "0.5"),
         mechanism="the port normalises its class scores the way a sigmoid MoE router normalises its gates, "
                   "sigmoid(z) / sum_j sigmoid(z_j), instead of exp(z) / sum_j exp(z_j) (softmax): the "
                   "probabilities are bounded ratios of sigmoids, flatter than the softmax, so the cross-entropy's "
                   "logit gradient is not p - y and every gradient differs",
         expected=("sigmoid", "normalised sigmoid", "normalized sigmoid", "sigmoid / sum", "divided by their sum",
                   "sum of sigmoids", "not a softmax", "instead of softmax", "softmax", "exp(z)", "router",
                   "flatter", "p - y", "normalisation", "normalization")),
    dict(id="QG07_gated_tanh", side="port",
         args=port("07_gated_tanh_port.py", "Net", *OPT, "--data", "random:40,5",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.2"),
         mechanism="the port's hidden unit is WaveNet's gated activation fed one pre-activation, "
                   "tanh(z) * sigmoid(z), where the NumPy network's hidden layer is plain tanh(z): every hidden "
                   "activation is scaled by sigmoid(z) (about halved near 0, negative side shrunk towards 0) and "
                   "its derivative differs",
         expected=("gated activation", "wavenet", "tanh(z) * sigmoid(z)", "tanh * sigmoid", "sigmoid gate",
                   "gate", "gated tanh", "extra sigmoid", "scaled by sigmoid", "halved", "activation",
                   "hidden activation", "not tanh", "instead of tanh")),
    dict(id="QG08_straight_through", side="port",
         args=port("08_straight_through_port.py", "Net", *OPT, "--data", "random:48,4,3",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "adam", "--lr", "0.02"),
         mechanism="the port writes its ReLU with the straight-through trick z + (relu(z) - z).detach(): the "
                   "forward value is relu(z) but the backward pass sees the identity, so the ReLU gate (derivative "
                   "0 for z <= 0) is skipped and the inactive units pass their full gradient to W1 and b1 "
                   "(W2 and b2 are right)",
         expected=("straight-through", "straight through", "detach", ".detach()", "ste", "identity",
                   "gradient of 1", "derivative 1", "relu derivative", "relu gate", "mask", "inactive",
                   "skipped", "as if linear", "treated as linear", "negative units")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QG09_swiglu_regressor", side="numpy",
         args=pair("09_swiglu_regressor_numpy.py", "SwiGLURegressor", "09_swiglu_regressor_torch.py",
                   "SwiGLURegressor", "--data", CURVE, *SWIGLU),
         mechanism="pair: the SwiGLU gate's gradient uses the sigmoid's derivative s (1 - s) where the swish "
                   "g sigmoid(g) needs s + g s (1 - s): the product rule's first term s is missing, so the gate "
                   "weights Wg and bg get wrong gradients (the value half and the output layer are right)",
         expected=("swish", "silu", "swiglu", "derivative", "s (1 - s)", "s(1-s)", "sigmoid derivative",
                   "sigmoid's derivative", "product rule", "s + g", "missing term", "gate", "wg", "bg",
                   "gate half", "gate gradient")),
    dict(id="QG10_maxout_classifier", side="numpy",
         args=pair("10_maxout_classifier_numpy.py", "MaxoutClassifier", "10_maxout_classifier_torch.py",
                   "MaxoutClassifier", "--data", BLOBS, *MAXOUT),
         mechanism="pair: the maxout backward writes each unit's gradient with np.put_along_axis(..., axis=1) "
                   "instead of axis=2: the winner's index (0..2) is taken along the units axis, so the gradient "
                   "lands in unit win's row for every piece instead of in the winning piece of its own unit; "
                   "W1 and b1 get scrambled gradients (W2, b2 right)",
         expected=("put_along_axis", "axis=1", "axis=2", "wrong axis", "winner", "winning piece", "argmax",
                   "maxout", "routed", "routing", "pieces", "units axis", "scattered", "w1", "b1")),
    dict(id="QG11_expert_mixture", side="numpy",
         args=pair("11_expert_mixture_numpy.py", "MixtureOfExperts", "11_expert_mixture_torch.py",
                   "MixtureOfExperts", "--data", CURVE, *MIXTURE),
         mechanism="pair: the router's softmax backward g (d_g - sum g d_g) takes the sum with axis=0, over the "
                   "batch, instead of axis=1, over the experts: each row's subtracted term is a per-expert column "
                   "total across the batch, so the router weights Wr and br get wrong gradients (the experts' "
                   "gradients are right)",
         expected=("axis=0", "axis=1", "softmax backward", "softmax jacobian", "jacobian", "router",
                   "over the batch", "over the experts", "wrong axis", "sum", "keepdims", "wr", "br",
                   "gating network", "gate gradient")),
    dict(id="QG12_bilinear_classifier", side="numpy",
         args=pair("12_bilinear_classifier_numpy.py", "BilinearClassifier", "12_bilinear_classifier_torch.py",
                   "BilinearClassifier", "--data", PAIRS, *BILINEAR),
         mechanism="pair: the bilinear weight's gradient is np.einsum('nk,ni,nj->kji', du, x, z) instead of "
                   "'->kij': every (4, 4) slice of W's gradient is transposed (rows indexed by z, columns by x), "
                   "so W steps along the transpose of its gradient (b, W2, b2 are right)",
         expected=("einsum", "kji", "kij", "transpose", "transposed", "swapped indices", "subscripts",
                   "output subscripts", "bilinear", "weight gradient", "slice", "w.grad", "index order")),
    dict(id="QG13_squeeze_excite", side="numpy",
         args=pair("13_squeeze_excite_numpy.py", "SqueezeExcite", "13_squeeze_excite_torch.py",
                   "SqueezeExcite", "--data", BANDS, *SQUEEZE),
         mechanism="pair: the channel gate's gradient is summed from d_gated * gated, the gated features "
                   "X * gate, instead of d_gated * X: the derivative of X * gate with respect to the gate is X, "
                   "so every gate gradient is multiplied by its own gate and the excitation weights Wa, ba, Wb, bb "
                   "get wrong gradients (the readout is right)",
         expected=("gated", "gate", "x * gate", "d_gated * x", "derivative", "with respect to the gate",
                   "multiplied by the gate", "extra factor", "excitation", "squeeze", "wa", "wb",
                   "gate gradient", "product rule")),
    dict(id="QG14_maxout_relu_net", side="numpy",
         args=numpy_net("14_maxout_relu_net.py", "MaxoutReluNet", "--init", "MaxoutReluNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:48,4,3",
                        "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                        "--lr", "0.3"),
         mechanism="ReLU written as a two-piece maxout over (0, z): the backward reads the gradient of piece 0, "
                   "the constant zero, d_pieces[..., 0], instead of piece 1, z: the hidden delta passes exactly "
                   "where the unit is inactive and is zero where it is active, an inverted ReLU mask for W1 and b1 "
                   "(W2 and b2 right)",
         expected=("inverted", "mask", "relu derivative", "inactive", "active", "wrong piece", "piece 0",
                   "zero piece", "maxout", "z <= 0", "z > 0", "1 - mask", "negated mask", "opposite",
                   "d_pieces")),
    dict(id="QG15_two_way_softmax_net", side="numpy",
         args=numpy_net("15_two_way_softmax_net.py", "TwoWaySoftmaxNet", "--init", "TwoWaySoftmaxNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,5", "--loss", "bce",
                        "--lr", "0.8"),
         mechanism="the sigmoid output is a two-way softmax over [z, 0], but the logit's gradient is taken as "
                   "dL[:, 0] - dL[:, 1], as if the two columns were z and -z: since dL[:, 1] = -dL[:, 0] it is "
                   "2 (p - y) / n, twice the gradient, in every layer",
         expected=("two-way softmax", "softmax", "[z, 0]", "-z", "twice", "2x", "factor 2", "factor of 2",
                   "doubled", "2 (p - y)", "column", "zero logit", "constant logit", "symmetric", "both columns")),
    dict(id="QG16_shared_gate_net", side="numpy",
         args=numpy_net("16_shared_gate_net.py", "SharedGateNet", "--init", "SharedGateNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,5",
                        "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "half-mse",
                        "--lr", "0.1"),
         mechanism="variable slip in backward: the second hidden layer's delta is masked with gate1, the first "
                   "layer's ReLU gate (z1 > 0), instead of its own gate2 (z2 > 0): the two 8-wide layers have the "
                   "same shape, so it runs, and W2, b2 and through them W1, b1 get wrong gradients (W3, b3 right)",
         expected=("gate1", "gate2", "mask", "wrong mask", "first layer's", "second layer", "relu derivative",
                   "relu gate", "variable", "copy-paste", "typo", "wrong layer", "z1 > 0", "z2 > 0", "layer 2")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QGC1_geglu_regressor", side="correct",
         args=pair("correct_01_geglu_numpy.py", "GeGLURegressor", "correct_01_geglu_torch.py", "GeGLURegressor",
                   "--data", CURVE, *params("params['Wp']=proj.weight.T", "params['bp']=proj.bias",
                                            "params['Wo']=out.weight.T", "params['bo']=out.bias")),
         mechanism="pair: GeGLU from one (5, 12) projection cut with np.split (value first, gate second) and the "
                   "tanh-approximate GELU by hand with its derivative, mean squared error over every entry, Adam by "
                   "hand with the bias correction folded into the step size; the port with .chunk(2, dim=-1), "
                   "F.gelu(approximate='tanh'), F.mse_loss and torch.optim.Adam",
         expected=()),
    dict(id="QGC2_two_way_softmax_port", side="correct",
         args=port("correct_02_two_way_softmax_port.py", "Net", *OPT, "--data", "random:40,4",
                   "--hidden-activation", "relu", "--loss", "bce", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.1"),
         mechanism="port: the sigmoid output as the first column of torch.softmax over the logits [z, 0] "
                   "(softmax([z, 0])[0] = sigmoid(z)), F.binary_cross_entropy on it, heavy-ball SGD from "
                   "make_optimizer; the kit's NumPy network",
         expected=()),
    dict(id="QGC3_maxout_relu_deep", side="correct",
         args=numpy_net("correct_03_maxout_relu_net.py", "MaxoutReluDeep", "--init", "MaxoutReluDeep()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,5",
                        "--hidden-activation", "relu", "--loss", "bce-sum", "--optimizer", "momentum",
                        "--momentum", "0.9", "--lr", "0.05",
                        *params("layers[0][0]=W1", "layers[0][1]=b1", "layers[1][0]=W2", "layers[1][1]=b2",
                                "layers[2][0]=W3", "layers[2][1]=b3")),
         mechanism="NumPy: ReLU as np.maximum.reduce over the stacked pieces (0, z) of a two-piece maxout, "
                   "back-propagated through the winner mask argmax == 1, layers as a list of [W, b] lists, "
                   "summed BCE, heavy-ball velocities updated in place with *= and +=",
         expected=()),
]
