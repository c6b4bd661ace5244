"""Sixty-third fresh held-out set for the diagnosis: one planted bug per program in fresh63/
(eight PyTorch ports, each checked against a NumPy program of the user's own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is set and point-cloud networks written by hand, permutation-invariant models:
DeepSets with a per-element network phi, a masked mean over padded sets of different sizes (X holds
the maximum set size with a padding-mask column) and a network rho on the pooled vector;
PointNet-style shared per-point layers with max pooling over the points (the hand-written backward
routing each pooled gradient to the argmax point) and a softmax classifier; set attention pooling
(a learned query scoring the elements, a masked softmax over the set, AdamW); and a relation
network whose pair features are averaged over all ordered pairs i != j. Set-level regression and
classification. fresh63/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh63_cases

Each case:
    id          short name (prefixed QK)
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
of the development set (cases.py) and the earlier fresh sets. Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh63/"

SETS, SETS_CLS, CLOUDS, PAIRS = F + "sets.npz", F + "sets_cls.npz", F + "clouds.npz", F + "pairs.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


DEEPSETS = ("--data", SETS, "--batch-size", "16",
            *params("params['W1']=phi.weight.T", "params['b1']=phi.bias", "params['W2']=rho1.weight.T",
                    "params['b2']=rho1.bias", "params['W3']=rho2.weight.T", "params['b3']=rho2.bias"))
POINTNET = ("--data", CLOUDS,
            *params("params['W1']=point1.weight.T", "params['b1']=point1.bias", "params['W2']=point2.weight.T",
                    "params['b2']=point2.bias", "params['W3']=head.weight.T", "params['b3']=head.bias"))
ATTN = ("--data", SETS_CLS,
        *params("params['We']=embed.weight.T", "params['be']=embed.bias", "params['Wk']=key.weight.T",
                "params['q']=query", "params['Wo']=out.weight.T", "params['bo']=out.bias"))
RELATION = ("--data", PAIRS,
            *params("params['Wg']=g.weight.T", "params['bg']=g.bias", "params['Wf']=f.weight.T",
                    "params['bf']=f.bias", "params['Wo']=out.weight.T", "params['bo']=out.bias"))
POINTNET_LAYERS = ("--data", CLOUDS,
                   *params("weights[0]=point1.weight", "biases[0]=point1.bias",
                           "weights[1]=point2.weight", "biases[1]=point2.bias",
                           "weights[2]=head.weight", "biases[2]=head.bias"))

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QK01_deepsets_mean_padding", side="port",
         args=pair("deepsets_numpy.py", "MaskedDeepSets", "01_deepsets_mean_port.py", "MaskedDeepSets", *DEEPSETS),
         mechanism="pair: the port pools the masked element features with .mean(dim=1), dividing each set's sum by "
                   "the maximum set size S = 5 instead of by the number of real elements (mask.sum): the padded "
                   "zeros are counted in the mean, so every set smaller than S has its pooled vector shrunk by "
                   "k / S and rho sees different inputs and gradients",
         expected=("mean", "masked mean", "padding", "padded", "mask", "mask.sum", "count", "set size",
                   "number of elements", "divided by", "denominator", "max size", "k / s", "pooling",
                   "mean(dim=1)", "shrunk")),
    dict(id="QK02_attnpool_softmax_singleton", side="port",
         args=pair("attnpool_numpy.py", "AttentionPoolNet", "02_attnpool_softmax_port.py", "AttentionPoolNet",
                   *ATTN),
         mechanism="pair: the port's attention scores have shape (n, S, 1) and it takes torch.softmax over dim=-1, "
                   "the singleton axis, instead of dim=1, the set: every weight is exactly 1 (the padded ones too), "
                   "so the attention pooling becomes a plain sum over all S slots including the padding, and the "
                   "key and query get no gradient",
         expected=("softmax", "dim=-1", "dim=1", "wrong dimension", "wrong axis", "singleton", "size 1",
                   "all ones", "weights of 1", "sum pooling", "attention", "padding", "no gradient",
                   "zero gradient", "query", "key")),
    dict(id="QK03_pointnet_nll_probabilities", side="port",
         args=pair("pointnet_numpy.py", "PointNetClassifier", "03_pointnet_nll_port.py", "PointNetClassifier",
                   *POINTNET),
         mechanism="pair: the port computes the loss as F.nll_loss(F.softmax(logits, dim=1), target), nll_loss "
                   "on probabilities instead of log-probabilities (log_softmax, or F.cross_entropy on the logits): "
                   "the loss is minus the mean probability of the true class, not its log, so the logits' gradient "
                   "is p_y (p - y) instead of p - y and every gradient differs",
         expected=("nll_loss", "nll", "softmax", "log_softmax", "log", "probabilities", "log-probabilities",
                   "log probabilities", "cross_entropy", "cross-entropy", "missing log", "without log",
                   "negative probability", "loss function")),
    dict(id="QK04_relation_self_pairs", side="port",
         args=pair("relation_numpy.py", "RelationNet", "04_relation_selfpairs_port.py", "RelationNet", *RELATION),
         mechanism="pair: the port forgets to mask out the self-pairs (i = j) of the relation network: g(x_i, x_i) "
                   "is added for the S diagonal pairs while the sum is still divided by S (S - 1), so the pooled "
                   "pair features gain 4 extra terms and g, f and the output all get different gradients",
         expected=("self-pairs", "self pairs", "diagonal", "i = j", "i == j", "i != j", "offdiag", "mask",
                   "eye", "pairs", "relation", "pairwise", "extra terms", "excluded", "s (s - 1)")),
    dict(id="QK05_attnpool_adam_not_adamw", side="port",
         args=pair("attnpool_numpy.py", "AttentionPoolNet", "05_attnpool_adam_port.py", "AttentionPoolNet", *ATTN),
         mechanism="pair: the port uses torch.optim.Adam(weight_decay=WD) for the NumPy program's AdamW: Adam "
                   "adds the L2 term WD * w to the gradient before the moments (coupled, then normalised away), "
                   "while the NumPy program decays the weights directly, w -= lr * WD * w, so each update lacks the "
                   "decoupled decay term proportional to the parameter",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "coupled", "l2",
                   "proportional to the parameter", "lr * wd", "decay", "optimizer", "torch.optim.adam",
                   "regularization", "regularisation")),
    dict(id="QK06_pointnet_centre_batch_axis", side="port",
         args=pair("pointnet_numpy.py", "PointNetClassifier", "06_pointnet_centre_port.py", "PointNetClassifier",
                   *POINTNET),
         mechanism="pair: the port centres the point clouds with X.mean(dim=0) instead of dim=1: it subtracts the "
                   "mean over the batch of clouds (per point slot) instead of each cloud's own centroid, so each "
                   "cloud keeps its own random offset and the shared layers see different coordinates from the "
                   "first forward pass",
         expected=("centre", "center", "centroid", "mean", "dim=0", "dim=1", "axis", "wrong axis", "batch",
                   "over the batch", "per cloud", "offset", "translation", "input", "preprocessing",
                   "normalization")),
    dict(id="QK07_deepsets_feature_slice", side="port",
         args=pair("deepsets_numpy.py", "MaskedDeepSets", "07_deepsets_slice_port.py", "MaskedDeepSets", *DEEPSETS),
         mechanism="pair: the port slices the element features as X[:, :, :D] instead of X[:, :, 1:], assuming the "
                   "mask column is last: phi is fed the mask column and the first feature instead of the two "
                   "features, so the element embeddings, the pooled vector and phi's weight gradient all differ",
         expected=("slice", "column", "columns", "mask column", "features", "off by one", "off-by-one", "index",
                   "x[:, :, 1:]", ":d", "input", "wrong column", "shifted", "first column")),
    dict(id="QK08_attnpool_scale_dim", side="port",
         args=pair("attnpool_numpy.py", "AttentionPoolNet", "08_attnpool_scale_port.py", "AttentionPoolNet", *ATTN),
         mechanism="pair: the port scales the attention scores by 1 / sqrt(H) (the embedding width, 8) instead of "
                   "1 / sqrt(DK) (the key width, 4): every score is divided by sqrt(2) more, so the softmax over "
                   "the set is flatter and the key and query gradients are scaled differently",
         expected=("scale", "scaling", "sqrt", "1 / sqrt", "sqrt(dk)", "sqrt(h)", "key dimension", "d_k",
                   "temperature", "attention", "scores", "softmax", "flatter", "sqrt(2)", "wrong dimension")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QK09_pointnet_max_backward_mean", side="numpy",
         args=pair("09_pointnet_maxgrad_numpy.py", "PointNetClassifier", "pointnet_torch.py", "PointNetClassifier",
                   *POINTNET),
         mechanism="pair: the max pooling's backward spreads the pooled gradient evenly over the P points, "
                   "dg / P to every point (mean pooling's backward), instead of routing it to the argmax point only: "
                   "the points that did not hold the maximum get gradient, the maximum gets 1 / P of it, so the "
                   "shared layers' gradients are wrong while the forward pass is right",
         expected=("max pool", "max pooling", "argmax", "maximum", "route", "routing", "mean pooling", "average",
                   "evenly", "1 / p", "every point", "all points", "backward", "gradient", "winner")),
    dict(id="QK10_deepsets_padding_gradient", side="numpy",
         args=pair("10_deepsets_padgrad_numpy.py", "MaskedDeepSets", "deepsets_torch.py", "MaskedDeepSets",
                   *DEEPSETS),
         mechanism="pair: the backward of the masked mean leaves out the mask, dh = dpooled / count for every slot, "
                   "so the padded slots (x = 0, phi = tanh(b1)) receive gradient though they were excluded from the "
                   "forward pool: W1's gradient is unchanged (their input is zero) but b1 collects extra gradient "
                   "from the padding",
         expected=("mask", "masked", "padding", "padded", "backward", "gradient", "b1", "bias", "excluded",
                   "missing mask", "masked mean", "forward", "tanh(b1)", "dummy elements")),
    dict(id="QK11_deepsets_ema_momentum", side="numpy",
         args=pair("11_deepsets_ema_numpy.py", "MaskedDeepSets", "deepsets_torch.py", "MaskedDeepSets", *DEEPSETS),
         mechanism="pair: the momentum is written as an exponential moving average, velocity = mu velocity + "
                   "(1 - mu) grad, against torch's SGD momentum, velocity = mu velocity + grad: every step's update "
                   "is (1 - mu) = 0.1 times the port's from the first step on (the momentum buffer too)",
         expected=("momentum", "velocity", "moving average", "ema", "1 - mu", "(1 - mu)", "dampening", "0.1",
                   "momentum_buffer", "buffer", "update", "optimizer", "factor", "scaled")),
    dict(id="QK12_attnpool_softmax_jacobian", side="numpy",
         args=pair("12_attnpool_jacobian_numpy.py", "AttentionPoolNet", "attnpool_torch.py", "AttentionPoolNet",
                   *ATTN),
         mechanism="pair: the attention softmax's backward subtracts (a * da).sum() over the whole batch instead of "
                   "per set (axis=1, keepdims=True): each set's score gradient is shifted by the other sets' terms, "
                   "so the key map and the query (and the embedding through the keys) get wrong gradients, while "
                   "the forward pass and the output layer's are right",
         expected=("softmax", "jacobian", "sum", "axis=1", "keepdims", "per set", "whole batch", "reduction",
                   "axis", "attention", "backward", "query", "key", "score gradient", "missing axis")),
    dict(id="QK13_attnpool_adam_bias_correction", side="numpy",
         args=pair("13_attnpool_adam_numpy.py", "AttentionPoolNet", "attnpool_torch.py", "AttentionPoolNet", *ATTN),
         mechanism="pair: the second moment's bias correction uses beta1, v_hat = v / (1 - B1 ** t) instead of "
                   "(1 - B2 ** t): v_hat is about 100 times too small at the first step, so each update is about "
                   "10 times smaller, a ratio that changes with the step",
         expected=("adam", "adamw", "bias correction", "beta1", "beta2", "b1", "b2", "second moment", "v_hat",
                   "1 - beta", "exp_avg_sq", "step", "ratio", "changes with the step")),
    dict(id="QK14_relation_pair_count", side="numpy",
         args=pair("14_relation_npairs_numpy.py", "RelationNet", "relation_torch.py", "RelationNet", *RELATION),
         mechanism="pair: the mean over pairs divides by S * S = 16 instead of the S (S - 1) = 12 ordered pairs "
                   "i != j actually summed (the self-pairs are masked out): the pooled pair features are 3/4 of "
                   "the port's in the forward pass, and the backward uses the same wrong count",
         expected=("pairs", "pair count", "number of pairs", "s * s", "s (s - 1)", "n * (n - 1)", "self-pairs",
                   "diagonal", "mean", "divide", "denominator", "normalization", "3/4", "0.75", "scale")),
    dict(id="QK15_relation_pair_axis", side="numpy",
         args=pair("15_relation_pairaxis_numpy.py", "RelationNet", "relation_torch.py", "RelationNet", *RELATION),
         mechanism="pair: in the pair layer's backward the gradient of the x_i half, dA, is summed over axis 1 "
                   "(the i axis) instead of axis 2 (the j partners), so it equals the x_j half's gradient: the first "
                   "half of the pair weight Wg gets the second half's gradient, the forward pass is right",
         expected=("axis", "sum", "axis=1", "axis=2", "pair", "pairwise", "x_i", "x_j", "half", "concatenat",
                   "wrong axis", "backward", "weight", "relation", "transposed")),
    dict(id="QK16_pointnet_relu_mask", side="numpy",
         args=pair("16_pointnet_relumask_numpy.py", "PointNetClassifier", "pointnet_torch.py", "PointNetClassifier",
                   *POINTNET),
         mechanism="pair: the first shared layer's relu derivative uses the second layer's pre-activation, dz1 = "
                   "dh1 * (z2 > 0) instead of (z1 > 0) (a wrong variable, same shape): the first layer's gradient "
                   "passes through the wrong units, so W1 and b1 get wrong gradients while the later layers are right",
         expected=("relu", "derivative", "mask", "z1", "z2", "wrong variable", "pre-activation",
                   "wrong layer", "activation derivative", "backward", "first layer", "w1", "b1", "(z1 > 0)")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QKC1_deepsets_packed_port", side="correct",
         args=pair("deepsets_numpy.py", "MaskedDeepSets", "deepsets_packed_port.py", "MaskedDeepSets", *DEEPSETS),
         mechanism="pair: DeepSets port that drops the padding before phi (boolean-indexed flattened rows), "
                   "scatters the set sums with index_add_ on ids from repeat_interleave and divides by "
                   "torch.bincount; SGD momentum over two parameter groups, zero_grad(set_to_none=True)",
         expected=()),
    dict(id="QKC2_attnpool_sdpa_port", side="correct",
         args=pair("attnpool_numpy.py", "AttentionPoolNet", "attnpool_sdpa_port.py", "AttentionPoolNet", *ATTN),
         mechanism="pair: attention pooling port written with F.scaled_dot_product_attention (one expanded query "
                   "per set, a boolean attn_mask, the default 1 / sqrt(DK) scale) and F.binary_cross_entropy on "
                   "torch.sigmoid; AdamW", expected=()),
    dict(id="QKC3_pointnet_layers_numpy", side="correct",
         args=pair("pointnet_alt_numpy.py", "PointNetClassifier", "pointnet_torch.py", "PointNetClassifier",
                   *POINTNET_LAYERS),
         mechanism="pair: PointNet in NumPy with weights and biases in two lists, weights kept (out, in), points "
                   "flattened to (n * P, 3), the max pool's backward by np.take_along_axis / np.put_along_axis, the "
                   "cross-entropy through a log-sum-exp, no stored gradients", expected=()),
]
