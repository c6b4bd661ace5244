"""Hundred-and-seventh fresh held-out set for the diagnosis: one planted bug per program in
fresh107/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is tabular networks with categorical embeddings and batch normalisation written by
hand: X holds integer-coded categorical columns (stored as floats, cast to int in the program)
followed by numeric columns. A house-price regressor with one embedding table per column, the
numeric columns standardised with training-set constants, two bias-free Linear -> batch norm ->
ReLU layers, a Huber loss and Adam with an embedding learning rate and an L2 term on the dense
weights only; a wide-and-deep click model with one shared embedding table read through per-column
offsets, a wide part on the one-hot codes (an embedding sum), Linear -> batch norm -> GELU(tanh),
binary cross-entropy with logits and SGD momentum with weight decay on the dense weights and a
step schedule; and a customer-value regressor with two embedding tables, a batch norm without
affine parameters standardising the raw numeric columns, Linear -> batch norm -> SiLU, mean
squared error, global-norm gradient clipping and AdamW (decoupled decay on the dense weights
only, an embedding learning rate) with a linear warmup. The NumPy programs write the
scatter-add of the embedding gradient and the batch-norm backward by hand. fresh107/make_data.py
writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh107_cases

Each case:
    id          short name (prefixed SC)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh107/"

HOUSING, CLICKS, CHURN = F + "housing.npz", F + "clicks.npz", F + "churn.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


TAB = ("--data", HOUSING, "--batch-size", "16")
TAB_PARAMS = params("params['E0']=embs.0.weight", "params['E1']=embs.1.weight", "params['E2']=embs.2.weight",
                    "params['W1']=fc1.weight.T", "params['g1']=bn1.weight", "params['be1']=bn1.bias",
                    "params['W2']=fc2.weight.T", "params['g2']=bn2.weight", "params['be2']=bn2.bias",
                    "params['W3']=out.weight.T", "params['b3']=out.bias")
TAB_ALT_PARAMS = params("tables[0]=embs.0.weight", "tables[1]=embs.1.weight", "tables[2]=embs.2.weight",
                        "layers[0]['W']=fc1.weight", "norms[0]['gamma']=bn1.weight", "norms[0]['beta']=bn1.bias",
                        "layers[1]['W']=fc2.weight", "norms[1]['gamma']=bn2.weight", "norms[1]['beta']=bn2.bias",
                        "layers[2]['W']=out.weight", "layers[2]['b']=out.bias")
WD = ("--data", CLICKS, "--batch-size", "16")
WD_PARAMS = params("params['E']=emb.weight", "params['w_wide']=wide.weight", "params['W1']=fc1.weight.T",
                   "params['b1']=fc1.bias", "params['gamma']=bn.weight", "params['beta']=bn.bias",
                   "params['W2']=fc2.weight.T", "params['b2']=fc2.bias")
WD_OH_PARAMS = params("params['E']=E", "params['w_wide']=wide.weight.T", "params['W1']=W1", "params['b1']=b1",
                      "params['gamma']=gamma", "params['beta']=beta", "params['W2']=head.weight.T",
                      "params['b2']=head.bias")
CH = ("--data", CHURN, "--batch-size", "20")
CH_PARAMS = params("params['E0']=plan.weight", "params['E1']=contract.weight", "params['W1']=fc1.weight.T",
                   "params['gamma1']=bn1.weight", "params['beta1']=bn1.bias", "params['W2']=fc2.weight.T",
                   "params['b2']=fc2.bias")

TAB_NP = ("tabular_bn_numpy.py", "TabularBNRegressor")
TAB_PT = ("tabular_bn_torch.py", "TabularBNRegressor")
WD_NP = ("widedeep_numpy.py", "WideDeepCTR")
WD_PT = ("widedeep_torch.py", "WideDeepCTR")
CH_NP = ("churn_numpy.py", "ChurnNet")
CH_PT = ("churn_torch.py", "ChurnNet")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SC01_tab_mean_precedence", side="port",
         args=pair(*TAB_NP, "01_tab_mean_precedence_port.py", "TabularBNRegressor", *TAB, *TAB_PARAMS),
         mechanism="pair: the port standardises the numeric columns as X[:, 3:] - num_mean / num_std, without "
                   "the parentheses around X - num_mean: operator precedence divides only the mean, so the "
                   "five numeric inputs stay on their raw scale (areas near 85, ages near 23) instead of "
                   "(x - mean) / std; the first layer's input, every activation, the loss and all gradients "
                   "differ from step 1 (W1's numeric rows most)",
         expected=("standardis", "standardiz", "normalis", "normaliz", "precedence", "parenthes", "num_mean",
                   "num_std", "mean", "std", "raw", "scale", "numeric", "input", "preprocess")),
    dict(id="SC02_tab_bn_positional_eps", side="port",
         args=pair(*TAB_NP, "02_tab_bn_positional_eps_port.py", "TabularBNRegressor", *TAB, *TAB_PARAMS),
         mechanism="pair: the first batch norm is built as nn.BatchNorm1d(H1, BN_MOM): the second positional "
                   "argument is eps, not momentum, so the layer normalises with eps = 0.1 instead of 1e-3 "
                   "(momentum falls back to its default 0.1); x_hat = (z - mean) / sqrt(var + 0.1) is shrunk "
                   "toward zero for every unit, so the first layer's normalised output, the loss and every "
                   "gradient differ",
         expected=("batch norm", "batchnorm", "eps", "epsilon", "positional", "argument", "momentum",
                   "variance", "sqrt(var + eps)", "normaliz", "normalis", "bn1", "0.1", "1e-3", "constructor")),
    dict(id="SC03_tab_emb_group_lr", side="port",
         args=pair(*TAB_NP, "03_tab_emb_group_lr_port.py", "TabularBNRegressor", *TAB, *TAB_PARAMS),
         mechanism="pair: the embedding tables' Adam parameter group has no 'lr' entry, so the three tables "
                   "train at the optimizer's default LR = 0.01 instead of LR_EMB = 0.05: gradients and moments "
                   "agree, the embedding updates are five times smaller (the dense, bias and batch-norm "
                   "updates are right)",
         expected=("learning rate", "lr", "embedding", "param group", "parameter group", "param_groups",
                   "lr_emb", "per-group", "adam", "update", "ratio", "factor", "five times", "smaller", "0.05")),
    dict(id="SC04_wd_sigmoid_logits", side="port",
         args=pair(*WD_NP, "04_wd_sigmoid_logits_port.py", "WideDeepCTR", *WD, *WD_PARAMS),
         mechanism="pair: the port passes torch.sigmoid(model(X)) to F.binary_cross_entropy_with_logits, "
                   "which applies the sigmoid again: the loss is the cross-entropy of sigmoid(sigmoid(z)), "
                   "and every gradient is (sigmoid(p) - y) * p (1 - p) / N instead of (p - y) / N, smaller and "
                   "pulling toward the wrong point",
         expected=("sigmoid", "double sigmoid", "twice", "logits", "with_logits", "bcewithlogits",
                   "probabilities", "binary cross-entropy", "bce", "loss", "applied twice", "squashed",
                   "output activation", "p (1 - p)", "derivative")),
    dict(id="SC05_wd_multistep_once", side="port",
         args=pair(*WD_NP, "05_wd_multistep_port.py", "WideDeepCTR", *WD, *WD_PARAMS),
         mechanism="pair: the port's schedule is MultiStepLR(milestones=[8], gamma=0.5) instead of "
                   "StepLR(step_size=8, gamma=0.5): the rates halve once after 8 updates but not again after "
                   "16, so updates 17 to 20 use twice the NumPy program's rate (updates 1-16 agree; gradients "
                   "and momentum buffers agree)",
         expected=("schedule", "scheduler", "learning rate", "steplr", "multisteplr", "milestone", "step decay",
                   "gamma", "halve", "decay", "step 17", "factor 2", "twice", "lr", "update")),
    dict(id="SC06_ch_clip_value", side="port",
         args=pair(*CH_NP, "06_ch_clip_value_port.py", "ChurnNet", *CH, *CH_PARAMS),
         mechanism="pair: the port clips with nn.utils.clip_grad_value_(params, 0.5) instead of "
                   "clip_grad_norm_(params, 0.5): each gradient element is clamped to [-0.5, 0.5] instead of "
                   "all gradients being rescaled by 0.5 / global norm when that norm exceeds 0.5 (it does on most "
                   "steps, up to about 2): the port's gradients are barely changed, larger and differently "
                   "shaped, so the moments and updates differ",
         expected=("clip", "clipping", "clip_grad_norm", "clip_grad_value", "global norm", "norm", "value",
                   "elementwise", "clamp", "max_norm", "rescale", "gradient", "threshold", "per element")),
    dict(id="SC07_ch_adamw_default_decay", side="port",
         args=pair(*CH_NP, "07_ch_adamw_default_decay_port.py", "ChurnNet", *CH, *CH_PARAMS),
         mechanism="pair: the embedding group of torch.optim.AdamW gives no 'weight_decay', so it inherits "
                   "AdamW's default 0.01: both embedding tables are shrunk by lr * 0.01 of their value each "
                   "step (decoupled decay) where the NumPy program decays only the dense weights; the "
                   "embedding updates differ by a term proportional to the parameter",
         expected=("weight decay", "weight_decay", "adamw", "default", "0.01", "decoupled", "embedding",
                   "param group", "parameter group", "proportional to the parameter", "decay", "shrink",
                   "update", "regulariz")),
    dict(id="SC08_ch_squeeze_broadcast", side="port",
         args=pair(*CH_NP, "08_ch_squeeze_broadcast_port.py", "ChurnNet", *CH, *CH_PARAMS),
         mechanism="pair: the port's forward returns the output squeezed to shape (N,), and F.mse_loss against "
                   "y of shape (N, 1) broadcasts to an (N, N) table of (pred_j - y_i)^2: the loss averages all "
                   "pairs, every prediction is pulled toward the batch mean of the targets, and the loss and all "
                   "gradients differ from step 1",
         expected=("broadcast", "broadcasting", "shape", "squeeze", "(n, n)", "(n,)", "(n, 1)", "mse_loss",
                   "target", "mismatch", "every pair", "mean of the targets", "dimension", "reshape", "loss")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SC09_tab_emb_fancy_add", side="numpy",
         args=pair("09_tab_emb_fancy_add_numpy.py", "TabularBNRegressor", *TAB_PT, *TAB, *TAB_PARAMS),
         mechanism="pair: the embedding gradient is accumulated with gE[codes[:, j]] += d instead of "
                   "np.add.at(gE, codes[:, j], d): buffered fancy-index assignment keeps one row's contribution "
                   "where a code repeats in the batch, so each embedding row used k times gets one of its k "
                   "terms instead of their sum; E0, E1, E2 get wrong gradients, everything else is right",
         expected=("np.add.at", "add.at", "scatter", "scatter-add", "fancy index", "duplicate", "repeated",
                   "indices", "embedding", "accumulate", "overwrite", "buffered", "sum", "rows", "backward")),
    dict(id="SC10_tab_bn_var_path", side="numpy",
         args=pair("10_tab_bn_var_path_numpy.py", "TabularBNRegressor", *TAB_PT, *TAB, *TAB_PARAMS),
         mechanism="pair: the hand-written batch-norm backward drops the variance term, "
                   "dz = inv_std / N * (N dxhat - sum dxhat) without - xhat * sum(dxhat * xhat): the gradient "
                   "through the batch variance is missing in both batch norms, so W2, W1, gamma1, beta1 and the "
                   "embedding gradients are wrong (W3, b3, gamma2, beta2 and the loss right)",
         expected=("batch norm", "batchnorm", "backward", "variance", "var", "missing term", "xhat",
                   "dxhat * xhat", "normaliz", "gradient", "chain rule", "mean", "inv_std", "batch statistics")),
    dict(id="SC11_tab_adam_decoupled", side="numpy",
         args=pair("11_tab_adam_decoupled_numpy.py", "TabularBNRegressor", *TAB_PT, *TAB, *TAB_PARAMS),
         mechanism="pair: the dense weights' L2 term is applied as decoupled decay, w *= 1 - lr * WD (AdamW "
                   "style), instead of adding WD * w to the gradient that enters Adam's moments "
                   "(torch.optim.Adam(weight_decay)): the moments of W1, W2, W3 lack the L2 term and their "
                   "updates differ by a term proportional to the weight; the other parameters are right",
         expected=("weight decay", "l2", "decoupled", "coupled", "adamw", "adam", "weight_decay",
                   "proportional to the parameter", "moment", "exp_avg", "gradient", "update", "regulariz",
                   "dense weights")),
    dict(id="SC12_wd_bn_unbiased", side="numpy",
         args=pair("12_wd_bn_unbiased_numpy.py", "WideDeepCTR", *WD_PT, *WD, *WD_PARAMS),
         mechanism="pair: the batch norm normalises with the unbiased batch variance z.var(ddof=1) instead of "
                   "the biased one (divide by N): x_hat is scaled by sqrt((N-1)/N) = sqrt(15/16), so the "
                   "normalised layer, the GELU, the logits, the loss and every gradient differ slightly from "
                   "step 1 (and the backward no longer matches its forward)",
         expected=("batch norm", "batchnorm", "variance", "unbiased", "biased", "ddof", "ddof=1", "n - 1",
                   "bessel", "normaliz", "forward", "var", "15/16", "batch statistics")),
    dict(id="SC13_wd_grad_no_offsets", side="numpy",
         args=pair("13_wd_grad_no_offsets_numpy.py", "WideDeepCTR", *WD_PT, *WD, *WD_PARAMS),
         mechanism="pair: the backward scatters the shared table's gradient with the raw codes "
                   "X[:, :4] instead of the offset indices codes + OFFSETS: the gradients of columns 1-3 land "
                   "in the rows of the first columns (rows 0..5) instead of their own blocks, so E gets a "
                   "wrong gradient (rows 6..17 never receive theirs); the forward, the loss and every other "
                   "gradient are right",
         expected=("offset", "offsets", "embedding", "shared table", "index", "indices", "rows", "scatter",
                   "np.add.at", "backward", "gradient", "wrong rows", "lookup", "categorical", "column")),
    dict(id="SC14_wd_step_float_div", side="numpy",
         args=pair("14_wd_step_float_div_numpy.py", "WideDeepCTR", *WD_PT, *WD, *WD_PARAMS),
         mechanism="pair: the step schedule is written GAMMA ** (t / STEP_SIZE) with true division instead of "
                   "GAMMA ** (t // STEP_SIZE): the rate decays smoothly, 0.5 ** (t / 8) at every update, "
                   "instead of halving in steps after 8 and 16 updates, so from update 2 on the updates are "
                   "smaller than StepLR's (equal only at updates 9 and 17) by a factor that moves with the "
                   "step; gradients agree",
         expected=("schedule", "learning rate", "steplr", "step decay", "exponential", "floor division",
                   "integer division", "//", "decay", "gamma", "staircase", "lr", "factor", "moves with the step",
                   "update")),
    dict(id="SC15_ch_clip_squared_norm", side="numpy",
         args=pair("15_ch_clip_squared_norm_numpy.py", "ChurnNet", *CH_PT, *CH, *CH_PARAMS),
         mechanism="pair: the global gradient norm for clipping is computed without the square root (the sum "
                   "of squares): the clip coefficient becomes 0.5 / |g|^2 instead of 0.5 / |g|, so gradients with "
                   "norm above 1 are clipped harder (to 0.5 / |g|) and those between 0.5 and 1 less, below "
                   "0.71 not at all; the clipped gradients, the moments and the updates differ",
         expected=("clip", "clipping", "norm", "sqrt", "square root", "squared norm", "sum of squares",
                   "global norm", "clip_grad_norm", "max_norm", "coefficient", "scale", "gradient", "l2 norm")),
    dict(id="SC16_ch_mse_grad_half", side="numpy",
         args=pair("16_ch_mse_grad_half_numpy.py", "ChurnNet", *CH_PT, *CH, *CH_PARAMS),
         mechanism="pair: the hand-written gradient of the mean squared error drops the factor 2, "
                   "dout = (out - y) / N instead of 2 (out - y) / N: every gradient is half the true one while "
                   "the loss is right; where even the halved norm exceeds 0.5, clipping rescales both to norm 0.5 "
                   "and hides it, and Adam's scale invariance hides most of the rest in the updates, but on "
                   "the other steps the clipped gradients and the moments differ by up to a factor 2",
         expected=("factor 2", "factor of 2", "half", "0.5", "2 *", "mse", "squared error", "derivative",
                   "gradient", "backward", "scale", "loss and gradient", "inconsistent", "missing factor")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SC17_tab_layered_numpy", side="correct",
         args=pair("tabular_bn_alt_numpy.py", "TabularBNAlt", *TAB_PT, *TAB, *TAB_ALT_PARAMS),
         mechanism="pair: the tabular regressor in NumPy with the tables in a list, dense weights kept (out, in) "
                   "in a list of layer dicts, batch norms as dicts with their running statistics, a node-by-node "
                   "batch-norm backward (d var, d mean), Huber through min(|r|, delta), np.bincount for the "
                   "embedding gradient and torch-style per-parameter Adam state dicts with group lr and decay; "
                   "against the nn.Embedding / nn.Linear port", expected=()),
    dict(id="SC18_wd_onehot_port", side="correct",
         args=pair(*WD_NP, "widedeep_onehot_torch.py", "WideDeepOneHot", *WD, *WD_OH_PARAMS),
         mechanism="pair: wide-and-deep port with the wide part an nn.Linear(18, 1, bias=False) on a multi-hot "
                   "F.one_hot vector, raw nn.Parameter tables and first layer, F.batch_norm with its own "
                   "buffers, GELU(tanh) written out, softplus(z) - y z as the loss and the step schedule as a "
                   "LambdaLR", expected=()),
    dict(id="SC19_ch_flat_vector_numpy", side="correct",
         args=pair("churn_alt_numpy.py", "ChurnNetAlt", *CH_PT, *CH, *CH_PARAMS),
         mechanism="pair: the customer-value regressor in NumPy with every parameter a view into one flat "
                   "vector, AdamW on the whole vector with per-element lr and weight-decay vectors and flat "
                   "moments, np.linalg.norm clipping of the flat gradient, einsum batch norms, SiLU through "
                   "np.logaddexp and the embedding gradient as one-hot matrix products", expected=()),
]
