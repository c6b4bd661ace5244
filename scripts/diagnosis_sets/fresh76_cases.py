"""Seventy-sixth fresh held-out set for the diagnosis: one planted bug per program in fresh76/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is masked reconstruction written by hand: models trained only on the observed entries
of a table through a 0/1 mask. A tabular autoencoder whose encoder reads the observed values
(X * M) beside the mask, a ReLU layer and an untied decoder, with the per-row masked mean squared
error averaged over the rows, an L2 penalty on the weights and SGD with a linear learning-rate
warmup; a user-based AutoRec with tied weights (the encoder weight decodes transposed, its
gradient the sum of both uses), the masked squared error summed per user and averaged over users,
an L1 penalty and Adam with warmup; and matrix completion by factorisation U V^T + item bias +
the observed mean, half the squared error averaged over the observed entries, an L2 penalty on
the factors and heavy-ball SGD momentum with warmup. The data hold the complete table and the
mask (y), so an unmasked input or loss sees the hidden entries. fresh76/make_data.py writes the
data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh76_cases

Each case:
    id          short name (prefixed QX)
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

F = "scripts/diagnosis_sets/fresh76/"

SURVEY, RATINGS = F + "survey.npz", F + "ratings.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


AE = ("--data", SURVEY, "--batch-size", "12")
AE_PARAMS = params("params['W1']=enc.weight.T", "params['b1']=enc.bias", "params['W2']=dec.weight.T",
                   "params['b2']=dec.bias")
AE_ALT_PARAMS = params("params['enc_w']=enc.weight.T", "params['enc_b']=enc.bias",
                       "params['dec_w']=dec.weight.T", "params['dec_b']=dec.bias")
AR = ("--data", RATINGS, "--batch-size", "8")
AR_PARAMS = params("params['W']=enc.weight.T", "params['b']=enc.bias", "params['c']=c")
AR_P_PARAMS = params("params['W']=W", "params['b']=b", "params['c']=c")
MF = ("--data", RATINGS)
MF_PARAMS = params("params['U']=U", "params['V']=V", "params['b_item']=b_item")
MF_EMB_PARAMS = params("params['U']=users.weight", "params['V']=items.weight",
                       "params['b_item']=item_bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QX01_ae_input_leak", side="port",
         args=pair("masked_ae_numpy.py", "MaskedAE", "01_ae_input_leak_port.py", "MaskedAE", *AE, *AE_PARAMS),
         mechanism="pair: the port's encoder reads torch.cat([X, M]) instead of torch.cat([X * M, M]): the "
                   "complete table goes in, the hidden (unobserved) entries leaking into the encoder input "
                   "instead of being zeroed, so the hidden layer, the reconstruction, the loss and every "
                   "gradient differ from the first step",
         expected=("mask", "masked", "x * m", "unobserved", "hidden entries", "missing", "leak", "leakage",
                   "input", "encoder input", "zeroed", "not masked", "observed", "torch.cat",
                   "forward")),
    dict(id="QX02_ae_clamp_max", side="port",
         args=pair("masked_ae_numpy.py", "MaskedAE", "02_ae_clamp_port.py", "MaskedAE", *AE, *AE_PARAMS),
         mechanism="pair: the per-row count of observed entries is clamped with clamp(max=1) instead of "
                   "clamp(min=1): every row with an observed entry divides by 1, so each row's masked sum of "
                   "squares is not turned into a mean; the reconstruction loss and its gradients are each "
                   "row's observed count (3 to 8) times too large, a different factor per row",
         expected=("clamp", "min=1", "max=1", "count", "observed count", "denominator", "divide",
                   "per-row", "per row", "masked mean", "sum instead of mean", "normaliz", "number of observed",
                   "reduction", "scaled")),
    dict(id="QX03_ar_detach_tied", side="port",
         args=pair("autorec_numpy.py", "TiedAutoRec", "03_ar_detach_tied_port.py", "TiedAutoRec", *AR,
                   *AR_PARAMS),
         mechanism="pair: the tied decoder uses self.enc.weight.detach().t(): the forward is unchanged but "
                   "autograd no longer sees the decoder's use of the shared weight, so W's gradient keeps only "
                   "the encoder path (and the L1 term) and loses dxhat.T @ h; b and c are right",
         expected=("detach", "tied", "tied weights", "weight tying", "shared weight", "decoder", "transpose",
                   "gradient path", "missing term", "no gradient", "stop gradient", "autograd", "encoder",
                   "both uses", "sum of")),
    dict(id="QX04_ae_l2_biases", side="port",
         args=pair("masked_ae_numpy.py", "MaskedAE", "04_ae_l2_bias_port.py", "MaskedAE", *AE, *AE_PARAMS),
         mechanism="pair: the port's L2 penalty sums p.pow(2) over all model.parameters(), the biases "
                   "included, where the NumPy program penalises only W1 and W2: the loss gains "
                   "0.5 * LAM * |b|^2 and the bias gradients gain LAM * b (a weight-decay-like term "
                   "proportional to the bias), the weight gradients are right",
         expected=("l2", "penalty", "regulariz", "regularis", "bias", "biases", "weight decay",
                   "model.parameters()", "all parameters", "proportional to the parameter", "lam * b",
                   "decay", "extra term", "b1", "b2")),
    dict(id="QX05_ar_norm_p1", side="port",
         args=pair("autorec_numpy.py", "TiedAutoRec", "05_ar_norm_default_port.py", "TiedAutoRec", *AR,
                   *AR_PARAMS),
         mechanism="pair: the port's penalty is torch.norm(W) without p=1, the Frobenius (L2) norm sqrt(sum W^2) "
                   "instead of the L1 norm sum |W|: the loss is LAM1 * |W|_F instead of LAM1 * sum |W| and W's "
                   "gradient gets LAM1 * W / |W|_F instead of LAM1 * sign(W)",
         expected=("torch.norm", "norm", "p=1", "l1", "l2", "frobenius", "default", "sign", "abs",
                   "absolute", "penalty", "regulariz", "lasso", "sparsity", "euclidean")),
    dict(id="QX06_ar_warmup_lambda", side="port",
         args=pair("autorec_numpy.py", "TiedAutoRec", "06_ar_warmup_lambda_port.py", "TiedAutoRec", *AR,
                   *AR_PARAMS),
         mechanism="pair: the LambdaLR warmup factor is min(1, step / WARMUP) instead of (step + 1) / WARMUP: "
                   "the scheduler's count starts at 0, so the first update is made with learning rate 0 and "
                   "each warmup update uses the previous step's rate, one step behind, until the rate reaches "
                   "LR at update 6",
         expected=("warmup", "warm-up", "lambdalr", "learning rate", "schedule", "scheduler", "off by one",
                   "off-by-one", "step + 1", "zero learning rate", "lr = 0", "first step", "one step behind",
                   "linear warmup", "lr_lambda")),
    dict(id="QX07_mf_mean_all_entries", side="port",
         args=pair("mf_numpy.py", "MaskedMF", "07_mf_mean_all_port.py", "MaskedMF", *MF, *MF_PARAMS),
         mechanism="pair: the port's data loss is (((pred - X) * M) ** 2).mean(), the masked squares averaged "
                   "over all 240 entries instead of divided by M.sum(), the 124 observed ones: the data term and "
                   "its gradients are scaled by about 0.52 while the penalty is not",
         expected=("mean", "masked mean", "observed", "m.sum()", "all entries", "number of observed",
                   "denominator", "divide", "count", "reduction", "normaliz", "mask", "unobserved",
                   "scaled", "ratio")),
    dict(id="QX08_mf_nesterov", side="port",
         args=pair("mf_numpy.py", "MaskedMF", "08_mf_nesterov_port.py", "MaskedMF", *MF, *MF_PARAMS),
         mechanism="pair: the port's optimizer is SGD(momentum=0.9, nesterov=True) where the NumPy program uses "
                   "heavy-ball momentum: each update steps along grad + 0.9 * buffer instead of the buffer, the "
                   "gradients and momentum buffers agree, the updates differ",
         expected=("nesterov", "momentum", "heavy ball", "heavy-ball", "sgd", "optimizer", "look-ahead",
                   "lookahead", "momentum buffer", "velocity", "update", "grad + momentum", "nesterov=true")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QX09_ae_grad_unmasked", side="numpy",
         args=pair("09_ae_grad_mask_numpy.py", "MaskedAE", "masked_ae_torch.py", "MaskedAE", *AE, *AE_PARAMS),
         mechanism="pair: the hand-written gradient of the reconstruction drops the mask, "
                   "dxhat = 2 (xhat - X) / count / n instead of 2 M (xhat - X) / count / n: the loss counts only "
                   "the observed entries but the backward pushes every entry, hidden ones included, toward its "
                   "value; all four gradients are wrong, the loss is right",
         expected=("mask", "masked", "backward", "gradient", "missing factor", "unobserved", "hidden entries",
                   "observed", "dxhat", "m *", "loss and gradient", "inconsistent", "chain rule",
                   "reconstruction")),
    dict(id="QX10_ae_relu_ge_zero", side="numpy",
         args=pair("10_ae_relu_ge_numpy.py", "MaskedAE", "masked_ae_torch.py", "MaskedAE", *AE, *AE_PARAMS),
         mechanism="pair: the ReLU derivative is taken as (h >= 0) on the activation h = max(pre, 0), which is "
                   "never negative, so the mask is all ones and the backward passes the gradient through "
                   "inactive units as if the layer were linear: W1 and b1 get wrong gradients (W2, b2 and the "
                   "loss right)",
         expected=("relu", "derivative", ">=", "h > 0", "greater or equal", "inactive", "dead units",
                   "backward", "activation", "always one", "all ones", "linear", "gate", "mask",
                   "hidden layer")),
    dict(id="QX11_ae_missing_indicator", side="numpy",
         args=pair("11_ae_missing_indicator_numpy.py", "MaskedAE", "masked_ae_torch.py", "MaskedAE", *AE,
                   *AE_PARAMS),
         mechanism="pair: the encoder input concatenates the missing-indicator 1 - M instead of the "
                   "observation mask M beside X * M: the last eight input columns are flipped, so the "
                   "pre-activation, the reconstruction, the loss and every gradient differ",
         expected=("mask", "1 - m", "missing indicator", "indicator", "inverted", "flipped", "complement",
                   "observed", "input", "concatenat", "encoder input", "forward", "np.concatenate",
                   "missingness")),
    dict(id="QX12_ar_adam_raw_grad", side="numpy",
         args=pair("12_ar_raw_grad_numpy.py", "TiedAutoRec", "autorec_torch.py", "TiedAutoRec", *AR, *AR_PARAMS),
         mechanism="pair: the Adam step divides the raw gradient g[k] by sqrt(v_hat) + EPS instead of the "
                   "bias-corrected first moment m_hat: the first moment is computed and kept but never used, so "
                   "the update is an RMSprop-like step on the current gradient; step 1 agrees (m_hat = g there), "
                   "from step 2 the updates differ while gradients and moments agree",
         expected=("adam", "first moment", "m_hat", "momentum", "exp_avg", "raw gradient", "current gradient",
                   "rmsprop", "update", "numerator", "wrong variable", "unused", "moving average", "optimizer",
                   "step 2")),
    dict(id="QX13_ar_l1_sign_of_grad", side="numpy",
         args=pair("13_ar_l1_sign_numpy.py", "TiedAutoRec", "autorec_torch.py", "TiedAutoRec", *AR, *AR_PARAMS),
         mechanism="pair: the L1 subgradient is LAM1 * sign(g['W']), the sign of the data gradient, instead of "
                   "LAM1 * sign(W), the sign of the weight: W's gradient differs by 2 * LAM1 wherever the two "
                   "signs disagree (the loss, b and c are right)",
         expected=("l1", "sign", "subgradient", "np.sign", "sign of the weight", "sign(w)", "penalty",
                   "regulariz", "wrong variable", "gradient", "lasso", "abs", "backward", "lam1")),
    dict(id="QX14_mf_ema_momentum", side="numpy",
         args=pair("14_mf_ema_momentum_numpy.py", "MaskedMF", "mf_torch.py", "MaskedMF", *MF, *MF_PARAMS),
         mechanism="pair: the velocity is an exponential moving average, MOMENTUM * v + (1 - MOMENTUM) * g, "
                   "instead of torch's MOMENTUM * v + g: the gradient enters the buffer scaled by 0.1 (dampening "
                   "0.9), so the buffer and every update are about ten times smaller",
         expected=("momentum", "dampening", "1 - momentum", "(1 - beta)", "exponential moving average", "ema",
                   "velocity", "momentum buffer", "sgd", "update", "scaled", "0.1", "ten times", "heavy ball")),
    dict(id="QX15_mf_count_axis", side="numpy",
         args=pair("15_mf_count_axis_numpy.py", "MaskedMF", "mf_torch.py", "MaskedMF", *MF, *MF_PARAMS),
         mechanism="pair: the gradient of the masked mean divides by M.sum(axis=0), each item's count of "
                   "observed ratings broadcast over the columns, instead of the total count M.sum(): each "
                   "column's error is scaled by total / count_j (about 7 to 14), so U, V and b_item get wrong "
                   "gradients while the loss is right",
         expected=("axis", "axis=0", "sum over", "count", "observed count", "m.sum()", "per item", "per column",
                   "broadcast", "denominator", "normaliz", "masked mean", "backward", "gradient", "wrong axis")),
    dict(id="QX16_mf_loss_penalty_half", side="numpy",
         args=pair("16_mf_loss_half_numpy.py", "MaskedMF", "mf_torch.py", "MaskedMF", *MF, *MF_PARAMS),
         mechanism="pair: the reported loss writes the L2 penalty as LAM * (|U|^2 + |V|^2), without the 1/2 "
                   "that the gradient LAM * U assumes: the loss value is too large by 0.5 * LAM * the squared "
                   "factors, while the gradients and updates are right (loss and gradient disagree)",
         expected=("penalty", "l2", "0.5", "half", "1/2", "factor 2", "factor of 2", "loss value", "reported loss",
                   "regulariz", "lam", "inconsistent", "loss only", "weight decay", "squared norm")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QX17_ae_einsum_numpy", side="correct",
         args=pair("masked_ae_alt_numpy.py", "MaskedAEAlt", "masked_ae_torch.py", "MaskedAE", *AE, *AE_ALT_PARAMS),
         mechanism="pair: the masked autoencoder in NumPy with other parameter names, np.where for the masking "
                   "and the ReLU and its derivative, np.divide over np.clip-ed counts, np.einsum products, a "
                   "cache dict, separate backward() and update() and a warmup function; against the nn.Linear "
                   "port", expected=()),
    dict(id="QX18_ar_raw_param_port", side="correct",
         args=pair("autorec_numpy.py", "TiedAutoRec", "autorec_params_torch.py", "TiedAutoRecP", *AR,
                   *AR_P_PARAMS),
         mechanism="pair: tied AutoRec port with a raw (items, hidden) nn.Parameter used as x @ W and h @ W.T, "
                   "torch.where masking, W.abs().sum() for L1, Adam(foreach=False) and the warmup written into "
                   "param_groups by hand before optimizer.step()", expected=()),
    dict(id="QX19_mf_embedding_port", side="correct",
         args=pair("mf_numpy.py", "MaskedMF", "mf_embedding_torch.py", "EmbeddingMF", *MF, *MF_EMB_PARAMS),
         mechanism="pair: matrix-factorisation port with nn.Embedding tables read with torch.arange, "
                   "torch.einsum scores, torch.masked_select and F.mse_loss over the observed entries, "
                   "torch.linalg.vector_norm squared for L2 and a LinearLR warmup", expected=()),
]
