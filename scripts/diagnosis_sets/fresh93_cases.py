"""Ninety-third fresh held-out set for the diagnosis: one planted bug per program in fresh93/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is click-through and recommendation models written by hand on tabular rows whose last
columns hold categorical ids. A factorization machine on the numeric columns and a one-hot block
per field, the pairwise interactions by the O(kn) identity 0.5 * sum((xV)^2 - (x^2)(V^2)), the
logistic loss on labels mapped to +-1 (the port: softplus(z) - y z), an L2 penalty on the linear
weights and the factors, and Adagrad with the accumulator starting at 0.1, on the whole batch; a
wide & deep model, a linear wide part on the numeric columns plus an MLP on the numeric columns
and one embedding table per field, the logits summed before the sigmoid, the log loss with an L2
penalty on the looked-up embedding rows only, and Adam with a linear learning-rate warm-up, in
mini-batches of 10; and a deep & cross network, two cross layers x_{l+1} = x0 (x_l . w_l) + b_l +
x_l beside a ReLU layer, a log loss weighting the positive rows (pos_weight 2), gradients clipped
to a global norm and SGD with momentum and coupled weight decay, in mini-batches of 12.
fresh93/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh93_cases

Each case:
    id          short name (prefixed RO)
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

F = "scripts/diagnosis_sets/fresh93/"

CLICK, CTR, ADS = F + "click.npz", F + "ctr.npz", F + "ads.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


FM = ("--data", CLICK)
FM_PARAMS = (*params("params['w0']=linear.bias", "params['w']=linear.weight.reshape(19)", "params['V']=V"),
             "--state", "sum=net.G")
FM_ALT_PARAMS = params("w0=linear.bias", "w=linear.weight.reshape(19)", "Vt=V.T")
WD = ("--data", CTR, "--batch-size", "10")
WD_PARAMS = params("params['E0']=emb.0.weight", "params['E1']=emb.1.weight", "params['E2']=emb.2.weight",
                   "params['E3']=emb.3.weight", "params['w_wide']=wide.weight.reshape(3)", "params['b']=wide.bias",
                   "params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.reshape(8)")
WD_P_PARAMS = params("params['E0']=tables.0", "params['E1']=tables.1", "params['E2']=tables.2",
                     "params['E3']=tables.3", "params['w_wide']=w_wide", "params['b']=b",
                     "params['W1']=deep.0.weight.T", "params['b1']=deep.0.bias",
                     "params['W2']=deep.2.weight.reshape(8)")
DCN = ("--data", ADS, "--batch-size", "12")
DCN_PARAMS = params("params['E0']=emb.0.weight", "params['E1']=emb.1.weight", "params['E2']=emb.2.weight",
                    "params['cw0']=cross.0.w", "params['cb0']=cross.0.b", "params['cw1']=cross.1.w",
                    "params['cb1']=cross.1.b", "params['W1']=hidden.weight.T", "params['b1']=hidden.bias",
                    "params['w_out']=out.weight.reshape(20)", "params['b_out']=out.bias")
DCN_STACKED_PARAMS = params("tables[0]=emb.0.weight", "tables[1]=emb.1.weight", "tables[2]=emb.2.weight",
                            "Wc[0]=cross.0.w", "Wc[1]=cross.1.w", "Bc[0]=cross.0.b", "Bc[1]=cross.1.b",
                            "W1=hidden.weight.T", "b1=hidden.bias", "w_out=out.weight.reshape(20)",
                            "b_out=out.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RO01_fm_v_unsquared", side="port",
         args=pair("fm_numpy.py", "FactorizationMachine", "01_fm_v_unsquared_port.py", "FactorizationMachine",
                   *FM, *FM_PARAMS),
         mechanism="pair: the port's pairwise term subtracts x.pow(2) @ self.V instead of x.pow(2) @ self.V.pow(2): "
                   "the self-interaction correction of the O(kn) identity uses V, not V squared, so the "
                   "interaction sum is no longer sum_{i<j} <v_i, v_j> x_i x_j; the scores, the loss and the "
                   "gradients of V (and through the loss all the others) differ from the first step",
         expected=("factorization machine", "pairwise", "interaction", "v^2", "v ** 2", "pow(2)", "squared",
                   "self-interaction", "identity", "x^2", "diagonal", "forward", "score", "factor", "v.pow")),
    dict(id="RO02_fm_adagrad_initial_accumulator", side="port",
         args=pair("fm_numpy.py", "FactorizationMachine", "02_fm_adagrad_acc_port.py", "FactorizationMachine",
                   *FM, *FM_PARAMS),
         mechanism="pair: the port builds torch.optim.Adagrad without initial_accumulator_value=0.1, so its "
                   "accumulator starts at 0 where the NumPy program's starts at 0.1 (TensorFlow's default): "
                   "every per-coordinate rate LR / sqrt(G) is larger, most at the first steps (the first "
                   "update is LR * sign(g) instead of LR * g / sqrt(0.1 + g^2)); gradients agree, the "
                   "accumulator state and the updates differ",
         expected=("adagrad", "initial_accumulator_value", "accumulator", "initial", "0.1", "sum of squares",
                   "state", "per-coordinate", "learning rate", "effective learning rate", "optimizer", "update",
                   "default", "sqrt", "first step")),
    dict(id="RO03_fm_missing_squeeze", side="port",
         args=pair("fm_numpy.py", "FactorizationMachine", "03_fm_no_squeeze_port.py", "FactorizationMachine",
                   *FM, *FM_PARAMS),
         mechanism="pair: the port's forward returns self.linear(x) + pair of shape (n, 1) without .squeeze(1); "
                   "the hand-written loss F.softplus(z) - y * z against y of shape (n,) broadcasts to an (n, n) "
                   "matrix, pairing every score with every label, so the loss is mean softplus(z) - "
                   "mean(y) mean(z) and all gradients are wrong",
         expected=("shape", "broadcast", "broadcasting", "squeeze", "(n, 1)", "(n,)", "(n, n)", "n x n",
                   "column", "target", "label", "outer", "loss", "dimension", "mismatch")),
    dict(id="RO04_wd_padding_idx", side="port",
         args=pair("wide_deep_numpy.py", "WideDeep", "04_wd_padding_idx_port.py", "WideDeep", *WD, *WD_PARAMS),
         mechanism="pair: each nn.Embedding is built with padding_idx=0, but id 0 is a real category in every "
                   "field: row 0 of each table gets no gradient (it is masked out of the backward), so it is never "
                   "updated by Adam or the L2 penalty; every other row and every other parameter agree",
         expected=("padding_idx", "padding", "embedding", "id 0", "row 0", "index 0", "zero gradient",
                   "no gradient", "masked", "nn.embedding", "category", "never updated", "frozen", "lookup",
                   "table")),
    dict(id="RO05_wd_adamw_default_decay", side="port",
         args=pair("wide_deep_numpy.py", "WideDeep", "05_wd_adamw_port.py", "WideDeep", *WD, *WD_PARAMS),
         mechanism="pair: the port uses torch.optim.AdamW(lr=LR) where the NumPy program is plain Adam: AdamW's "
                   "default weight_decay=0.01 shrinks every parameter by lr * 0.01 * p at each step (decoupled "
                   "weight decay); gradients and moments agree, each update differs by a term proportional to "
                   "the parameter",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "0.01", "default",
                   "proportional to the parameter", "shrink", "decay", "optimizer", "update", "lr * wd",
                   "regulariz")),
    dict(id="RO06_wd_l2_whole_tables", side="port",
         args=pair("wide_deep_numpy.py", "WideDeep", "06_wd_l2_tables_port.py", "WideDeep", *WD, *WD_PARAMS),
         mechanism="pair: the port's L2 penalty sums the squares of the whole embedding tables (t.weight for each "
                   "table) instead of the rows the batch looked up (each once per occurrence): rows absent from "
                   "the batch are penalised, repeated rows only once, so the loss differs and each embedding "
                   "gradient differs by LAM / n * (1 - count of the row in the batch) * row",
         expected=("l2", "penalty", "regulariz", "embedding", "looked-up rows", "lookup", "whole table",
                   "all rows", "table", "rows in the batch", "weight decay", "sparse", "count", "occurrence",
                   "lam")),
    dict(id="RO07_dcn_cross_x0_dot", side="port",
         args=pair("dcn_numpy.py", "DeepCross", "07_dcn_cross_x0_port.py", "DeepCross", *DCN, *DCN_PARAMS),
         mechanism="pair: the port's cross layer computes x0 * (x0 . w) + b + x_l instead of x0 * (x_l . w) + b + "
                   "x_l: the first cross layer is unchanged (x_l = x0 there), the second projects x0 instead of "
                   "x_1, so the second layer's output, the logit, the loss and the gradients differ from step 1",
         expected=("cross", "cross layer", "x0", "x_l", "xl", "dot", "projection", "deep & cross", "dcn",
                   "second layer", "layer 1", "forward", "input", "wrong tensor", "w_l")),
    dict(id="RO08_dcn_weight_not_pos_weight", side="port",
         args=pair("dcn_numpy.py", "DeepCross", "08_dcn_weight_not_pos_port.py", "DeepCross", *DCN, *DCN_PARAMS),
         mechanism="pair: the port passes weight=2 instead of pos_weight=2 to binary_cross_entropy_with_logits: "
                   "every row's loss is doubled (the negatives too) instead of the positive term only, so the loss "
                   "and the gradients before clipping are a row-dependent rescaling (x2 on negatives, equal on "
                   "positives), and the clipped updates differ",
         expected=("pos_weight", "weight", "positive", "negative", "class weight", "binary_cross_entropy_with_logits",
                   "bce", "log loss", "imbalance", "scaled", "factor 2", "rows", "loss", "reweight",
                   "sample weight")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RO09_fm_dv_x_not_x_squared", side="numpy",
         args=pair("09_fm_dv_x_not_x2_numpy.py", "FactorizationMachine", "fm_torch.py", "FactorizationMachine",
                   *FM, *FM_PARAMS),
         mechanism="pair: the hand-written gradient of V uses V * (x.T @ dz) instead of V * ((x ** 2).T @ dz) for "
                   "the self-interaction term: on the one-hot columns x = x^2 and nothing changes, on the four "
                   "numeric columns the rows of V get a wrong gradient; the loss, w0 and w are right",
         expected=("backward", "gradient", "v", "x ** 2", "x^2", "squared", "self-interaction", "numeric",
                   "one-hot", "factor", "pairwise", "interaction", "dv", "missing square", "factorization machine")),
    dict(id="RO10_fm_labels_not_signed", side="numpy",
         args=pair("10_fm_labels_01_numpy.py", "FactorizationMachine", "fm_torch.py", "FactorizationMachine",
                   *FM, *FM_PARAMS),
         mechanism="pair: the logistic loss log(1 + exp(-s z)) wants labels s in {-1, +1} but the program uses "
                   "s = y in {0, 1}: every non-click row contributes the constant log 2 and no gradient, so the "
                   "loss and every gradient differ (only the positives are fitted)",
         expected=("label", "labels", "-1", "+1", "{0, 1}", "2y - 1", "2 * y - 1", "sign", "negative",
                   "non-click", "log 2", "logistic loss", "margin", "encoding", "target")),
    dict(id="RO11_wd_embedding_scatter_assign", side="numpy",
         args=pair("11_wd_scatter_assign_numpy.py", "WideDeep", "wide_deep_torch.py", "WideDeep", *WD, *WD_PARAMS),
         mechanism="pair: the embedding gradient is scattered with dE[i] += d_rows instead of np.add.at(dE, i, "
                   "d_rows): fancy-index += is buffered, so a row looked up several times in the batch keeps only "
                   "the last occurrence's gradient instead of the sum; the tables' gradients are too small where "
                   "ids repeat, the dense parameters are right",
         expected=("np.add.at", "add.at", "scatter", "duplicate", "repeated", "buffered", "fancy index",
                   "embedding", "index", "ids", "accumulate", "last occurrence", "sum", "backward", "table")),
    dict(id="RO12_wd_warmup_never_ends", side="numpy",
         args=pair("12_wd_warmup_uncapped_numpy.py", "WideDeep", "wide_deep_torch.py", "WideDeep", *WD, *WD_PARAMS),
         mechanism="pair: the warm-up rate is LR * t / WARMUP without min(1, ...): the first five updates agree, "
                   "then the rate keeps growing linearly (1.2, 1.4, ... 4 times LR by step 20) instead of staying "
                   "at LR; gradients agree at each step, the updates grow by t / WARMUP",
         expected=("warmup", "warm-up", "learning rate", "schedule", "min(1", "cap", "capped", "linear",
                   "keeps growing", "after step 5", "t / warmup", "lambdalr", "factor", "step 6", "increasing")),
    dict(id="RO13_wd_global_bias_dropped", side="numpy",
         args=pair("13_wd_bias_dropped_numpy.py", "WideDeep", "wide_deep_torch.py", "WideDeep", *WD, *WD_PARAMS),
         mechanism="pair: the logit is written num @ w_wide + h @ W2 without the global bias b: b starts at 0, "
                   "gets the gradient sum(dz) and is updated, but never enters the forward, so from step 2 the "
                   "logits, the loss and the gradients differ by the effect of the missing b",
         expected=("bias", "global bias", "b", "intercept", "missing", "omitted", "forward", "logit", "offset",
                   "wide", "unused", "step 2", "constant", "shift", "never used")),
    dict(id="RO14_dcn_cross_identity_grad", side="numpy",
         args=pair("14_dcn_cross_residual_grad_numpy.py", "DeepCross", "dcn_torch.py", "DeepCross", *DCN,
                   *DCN_PARAMS),
         mechanism="pair: the backward of a cross layer sets dx_l = ds w_l, dropping the identity (residual) path "
                   "dx_{l+1} of the + x_l term: the first layer's weight and bias and the embedding tables get "
                   "wrong gradients; the second layer, the ReLU branch and the output unit are right",
         expected=("cross", "cross layer", "residual", "skip", "identity", "+ x_l", "backward", "gradient",
                   "missing term", "chain rule", "dcn", "first cross layer", "embedding", "x_l", "path")),
    dict(id="RO15_dcn_clip_per_tensor", side="numpy",
         args=pair("15_dcn_clip_per_tensor_numpy.py", "DeepCross", "dcn_torch.py", "DeepCross", *DCN, *DCN_PARAMS),
         mechanism="pair: each gradient is clipped by its own norm (min(1, MAX_NORM / |g_k|)) instead of all by the "
                   "global norm as clip_grad_norm_: no single tensor exceeds 0.5, so the gradients are never "
                   "clipped, while the port scales all of them by MAX_NORM / total norm at the steps where the total "
                   "exceeds 0.5",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "total norm", "per-tensor", "per tensor",
                   "per parameter", "max_norm", "norm", "scale", "gradient", "one factor", "rescale", "each tensor")),
    dict(id="RO16_dcn_grad_without_pos_weight", side="numpy",
         args=pair("16_dcn_grad_no_pos_weight_numpy.py", "DeepCross", "dcn_torch.py", "DeepCross", *DCN,
                   *DCN_PARAMS),
         mechanism="pair: the loss weights positives by POS_WEIGHT but the hand-written dz is (sigmoid(z) - y) / n, "
                   "the derivative of the unweighted log loss: on the positive rows dz is (sigmoid(z) - 1) / n instead "
                   "of POS_WEIGHT (sigmoid(z) - 1) / n, half of it, the negative rows are right; the loss is "
                   "right, every gradient is wrong (loss and gradient disagree)",
         expected=("pos_weight", "positive", "weight", "weighted", "dz", "sigmoid(z) - y", "backward", "gradient",
                   "log loss", "derivative", "inconsistent", "loss and gradient", "class weight", "missing factor",
                   "finite difference")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RO17_fm_gram_numpy", side="correct",
         args=pair("fm_pairwise_numpy.py", "PairwiseFM", "fm_torch.py", "FactorizationMachine", *FM, *FM_ALT_PARAMS),
         mechanism="pair: the factorization machine in NumPy with the pairwise term from the Gram matrix V V^T by "
                   "np.einsum (the O(kn^2) form of the same sum), the factors kept transposed as an attribute Vt, "
                   "the loss from log-sigmoids, the gradient of V as (sum r x x^T - diag) V and Adagrad "
                   "accumulators in a list; against the Linear + raw-V port", expected=()),
    dict(id="RO18_wd_parameterlist_port", side="correct",
         args=pair("wide_deep_numpy.py", "WideDeep", "wide_deep_params_torch.py", "WideDeepP", *WD, *WD_P_PARAMS),
         mechanism="pair: wide & deep port with raw embedding tables in an nn.ParameterList indexed by the id "
                   "columns, raw wide weights, an nn.Sequential deep part, binary_cross_entropy_with_logits, the "
                   "L2 penalty on torch.cat of the looked-up rows and Adam(foreach=False) with a LinearLR warm-up",
         expected=()),
    dict(id="RO19_dcn_stacked_numpy", side="correct",
         args=pair("dcn_stacked_numpy.py", "StackedDCN", "dcn_torch.py", "DeepCross", *DCN, *DCN_STACKED_PARAMS),
         mechanism="pair: the deep & cross network in NumPy with the cross weights and biases stacked in (2, 12) "
                   "arrays paired row by row (Wc[0], Wc[1]), tables in a list, the weighted loss in torch's form, "
                   "clipping from one concatenated vector and momentum kept with the rate folded in (delta = "
                   "mu delta + lr g, p -= delta)", expected=()),
]
