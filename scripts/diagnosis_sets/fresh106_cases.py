"""Hundred-and-sixth fresh held-out set for the diagnosis: one planted bug per program in fresh106/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is contrastive self-supervised learning written by hand on tabular rows: each row holds
two augmented views of one sample side by side (view A in the first d columns, view B in the next
d), an encoder shared by both views and a projection head, L2-normalised embeddings and an
InfoNCE loss over the batch, the positive pair on the diagonal and the other rows as negatives.
A symmetric (CLIP-style) InfoNCE with a ReLU encoder, a linear head and a fixed temperature, the
mean of the A->B cross-entropy over the rows and the B->A one over the columns, trained with
AdamW (decay on the weights only) and a cosine schedule with a floor; SimCLR's NT-Xent over the
2n x 2n similarity matrix of the stacked views with the self-similarities masked to -inf, a tanh
encoder and a two-layer head, trained with LARS (weight decay and the trust ratio on the weight
matrices only, heavy-ball momentum) and a warmup + cosine schedule; and a one-directional
(A->B) InfoNCE with a learnable logit scale kept as its logarithm, a leaky-ReLU encoder, global
gradient-norm clipping and RMSprop. The NumPy programs write the backward through the softmax,
the similarity matrix and the normalisation by hand. fresh106/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh106_cases

Each case:
    id          short name (prefixed SB)
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
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment; for
SB04 the two swapped lines) to pass (exit 0) under the same arguments; each correct program
passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh106/"

VIEWS, WIDE = F + "views.npz", F + "views_wide.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


SYM = ("--data", VIEWS, "--batch-size", "16")
SYM_PARAMS = params("params['W1']=enc.weight.T", "params['b1']=enc.bias", "params['W2']=head.weight.T",
                    "params['b2']=head.bias")
SYM_ALT_PARAMS = params("params['enc_w']=enc.weight", "params['enc_b']=enc.bias",
                        "params['proj_w']=head.weight", "params['proj_b']=head.bias")
CLR = ("--data", WIDE)
CLR_PARAMS = params("params['W1']=encoder.0.weight.T", "params['b1']=encoder.0.bias",
                    "params['W2']=projector.0.weight.T", "params['b2']=projector.0.bias",
                    "params['W3']=projector.2.weight.T", "params['b3']=projector.2.bias")
CLR_RAW_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2",
                        "params['W3']=W3", "params['b3']=b3")
NCE = ("--data", VIEWS, "--batch-size", "8")
NCE_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                    "params['b2']=fc2.bias", "params['log_scale']=log_scale")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SB01_sym_norm_whole_batch", side="port",
         args=pair("sym_infonce_numpy.py", "SymInfoNCE", "01_sym_norm_whole_batch_port.py", "SymInfoNCE", *SYM,
                   *SYM_PARAMS),
         mechanism="pair: the port normalises the projection with z / z.norm(), the Frobenius norm of the whole "
                   "batch of embeddings, instead of F.normalize(z, dim=1), each row by its own L2 norm: the "
                   "embeddings are not unit vectors, every cosine similarity shrinks by about 1/n, the logits "
                   "flatten toward 0 (loss near log n) and every gradient differs from the first step",
         expected=("normaliz", "normalis", "l2", "norm", "dim=1", "per row", "per-row", "whole batch",
                   "frobenius", "unit", "cosine", "similarity", "embedding", "f.normalize", "forward")),
    dict(id="SB02_sym_one_direction", side="port",
         args=pair("sym_infonce_numpy.py", "SymInfoNCE", "02_sym_one_direction_port.py", "SymInfoNCE", *SYM,
                   *SYM_PARAMS),
         mechanism="pair: the port's loss is F.cross_entropy(logits, labels) alone instead of the mean of it and "
                   "F.cross_entropy(logits.T, labels): only the A->B direction (rows) is kept, the B->A term over "
                   "the columns is dropped, so the loss value and every gradient differ (the view-B path gets "
                   "only its role as negatives and positives of the rows)",
         expected=("symmetric", "one direction", "one-directional", "direction", "logits.t", "transpose",
                   "columns", "b->a", "a->b", "missing term", "cross_entropy", "cross-entropy", "0.5", "average",
                   "loss")),
    dict(id="SB03_sym_adam_not_adamw", side="port",
         args=pair("sym_infonce_numpy.py", "SymInfoNCE", "03_sym_adam_l2_port.py", "SymInfoNCE", *SYM,
                   *SYM_PARAMS),
         mechanism="pair: the port builds torch.optim.Adam with the same weight_decay group instead of AdamW: "
                   "the decay WD * W is added to the gradient (coupled L2) and goes through the adaptive "
                   "moments instead of being subtracted from the weights as lr * WD * W; gradients agree, the "
                   "weight updates (and Adam's moments) differ, the biases (no decay) agree",
         expected=("adamw", "adam", "weight decay", "decoupled", "coupled", "l2", "weight_decay", "optimizer",
                   "update", "moments", "regulariz", "proportional to the parameter", "decay", "weights")),
    dict(id="SB04_simclr_scheduler_first", side="port",
         args=pair("simclr_numpy.py", "SimCLR", "04_simclr_sched_first_port.py", "SimCLR", *CLR, *CLR_PARAMS),
         mechanism="pair: the port calls scheduler.step() before optimizer.step(): every update uses the "
                   "learning rate of the next step of the warmup + cosine schedule (the first update 2/3 LR "
                   "instead of 1/3 LR), one step ahead; gradients agree, the updates differ by a factor that "
                   "changes with the step",
         expected=("scheduler", "schedule", "scheduler.step", "optimizer.step", "order", "before", "one step ahead",
                   "off by one", "off-by-one", "learning rate", "warmup", "lambdalr", "lr", "update", "factor")),
    dict(id="SB05_simclr_diag_zeroed", side="port",
         args=pair("simclr_numpy.py", "SimCLR", "05_simclr_diag_zeroed_port.py", "SimCLR", *CLR, *CLR_PARAMS),
         mechanism="pair: the port removes the self-similarities with sim * ~self_mask, setting the diagonal "
                   "logits to 0, instead of masked_fill(self_mask, -inf): each row's own entry stays in the "
                   "softmax denominator as exp(0) = 1, so the NT-Xent loss and every gradient differ",
         expected=("diagonal", "self-similarity", "self similarity", "mask", "masked_fill", "-inf", "infinity",
                   "zero", "denominator", "softmax", "nt-xent", "logits", "multiply", "excluded", "loss")),
    dict(id="SB06_simclr_stack_interleave", side="port",
         args=pair("simclr_numpy.py", "SimCLR", "06_simclr_stack_interleave_port.py", "SimCLR", *CLR,
                   *CLR_PARAMS),
         mechanism="pair: the port stacks the views with torch.stack([xa, xb], dim=1).reshape(-1, D), "
                   "interleaving them (a0, b0, a1, b1, ...), instead of torch.cat([xa, xb], dim=0) ([A; B] "
                   "blocks) that the targets [n..2n-1, 0..n-1] assume: the positive of each row is a view of "
                   "another sample, so the loss and every gradient differ",
         expected=("stack", "torch.cat", "cat", "interleav", "order", "rows", "reshape", "positive", "pairs",
                   "targets", "labels", "views", "concatenat", "shape", "batch")),
    dict(id="SB07_nce_leaky_default_slope", side="port",
         args=pair("infonce_numpy.py", "InfoNCE", "07_nce_leaky_default_port.py", "InfoNCE", *NCE, *NCE_PARAMS),
         mechanism="pair: the port's activation is nn.LeakyReLU() with torch's default negative slope 0.01 "
                   "instead of nn.LeakyReLU(0.1): every negative pre-activation is scaled by 0.01 instead of "
                   "0.1, so the hidden layer, the embeddings, the loss and every gradient differ",
         expected=("leaky", "leakyrelu", "negative slope", "negative_slope", "slope", "0.01", "0.1", "default",
                   "activation", "negative", "hidden", "relu", "forward", "encoder")),
    dict(id="SB08_nce_clip_value", side="port",
         args=pair("infonce_numpy.py", "InfoNCE", "08_nce_clip_value_port.py", "InfoNCE", *NCE, *NCE_PARAMS),
         mechanism="pair: the port clips with clip_grad_value_(params, MAX_NORM), each gradient entry clamped to "
                   "[-0.5, 0.5], instead of clip_grad_norm_(params, MAX_NORM), all gradients scaled together to "
                   "a global norm of 0.5: the gradients after clipping (and RMSprop's averages and updates) "
                   "differ, by a factor that changes with the step",
         expected=("clip", "clipping", "clip_grad_norm_", "clip_grad_value_", "norm", "global norm", "value",
                   "max_norm", "elementwise", "scale", "factor", "gradient", "rescal", "threshold")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SB09_sym_norm_backward", side="numpy",
         args=pair("09_sym_norm_backward_numpy.py", "SymInfoNCE", "sym_infonce_torch.py", "SymInfoNCE", *SYM,
                   *SYM_PARAMS),
         mechanism="pair: the backward through the L2 normalisation is dz = du / |z|, dropping the projection "
                   "- u (u . du) / |z| of the Jacobian (I - u u^T) / |z|: the component of the gradient along "
                   "the embedding is kept, so all four gradients are wrong while the loss is right",
         expected=("normaliz", "normalis", "l2", "jacobian", "projection", "u u^t", "backward", "gradient",
                   "chain rule", "norm", "missing term", "dz", "unit", "embedding", "radial")),
    dict(id="SB10_sym_logsumexp_max", side="numpy",
         args=pair("10_sym_lse_max_numpy.py", "SymInfoNCE", "sym_infonce_torch.py", "SymInfoNCE", *SYM,
                   *SYM_PARAMS),
         mechanism="pair: the stabilised logsumexp returns log(sum(exp(S - m))) without adding the max m back: "
                   "the reported loss is too small by the mean of the row and column maxima of the logits, "
                   "while the gradients (taken from the softmaxes) and the updates are right",
         expected=("logsumexp", "log-sum-exp", "max", "maximum", "shift", "stabil", "add back", "loss value",
                   "reported loss", "loss only", "offset", "constant", "inconsistent", "cross-entropy")),
    dict(id="SB11_sym_cosine_no_floor", side="numpy",
         args=pair("11_sym_cosine_floor_numpy.py", "SymInfoNCE", "sym_infonce_torch.py", "SymInfoNCE", *SYM,
                   *SYM_PARAMS),
         mechanism="pair: the cosine schedule is LR * 0.5 * (1 + cos(pi t / TOTAL)), without the floor LR_MIN "
                   "(eta_min) that CosineAnnealingLR keeps: the learning rate is smaller by "
                   "LR_MIN * (1 - cos) / 2, equal at the first update and drifting apart as t grows; gradients "
                   "agree, the updates differ by a factor that changes with the step",
         expected=("cosine", "schedule", "eta_min", "lr_min", "floor", "minimum learning rate", "learning rate",
                   "cosineannealinglr", "annealing", "update", "factor", "step", "lr", "decay")),
    dict(id="SB12_simclr_sim_grad_half", side="numpy",
         args=pair("12_simclr_sim_grad_numpy.py", "SimCLR", "simclr_torch.py", "SimCLR", *CLR, *CLR_PARAMS),
         mechanism="pair: the gradient of S = u u^T / TEMP is taken as dS @ u / TEMP instead of "
                   "(dS + dS^T) @ u / TEMP: u appears on both sides of the product and the transposed term is "
                   "missing, so the embedding gradient is roughly halved and skewed; every gradient is wrong, "
                   "the loss is right",
         expected=("similarity", "u u^t", "transpose", "ds.t", "symmetric", "both sides", "missing term",
                   "backward", "gradient", "half", "factor 2", "chain rule", "gram", "nt-xent", "product rule")),
    dict(id="SB13_simclr_eye_float64", side="numpy",
         args=pair("13_simclr_eye_float64_numpy.py", "SimCLR", "simclr_torch.py", "SimCLR", *CLR, *CLR_PARAMS),
         mechanism="pair: the one-hot targets are np.eye(2 * n)[pos] without dtype=S.dtype: a float64 array in "
                   "a float32 run, so dS, every gradient and the momentum buffers come out float64 (the values "
                   "agree to rounding, the dtype does not)",
         expected=("dtype", "float64", "float32", "np.eye", "promot", "upcast", "dtype-leak", "dtype leak",
                   "precision", "one-hot", "targets", "cast", "double", "mixed")),
    dict(id="SB14_simclr_lars_on_biases", side="numpy",
         args=pair("14_simclr_lars_biases_numpy.py", "SimCLR", "simclr_torch.py", "SimCLR", *CLR, *CLR_PARAMS),
         mechanism="pair: the LARS branch tests p.ndim > 0 instead of p.ndim == 2, so the biases also get the "
                   "weight decay and the trust ratio ETA * |b| / |g| (1 while a bias is 0): the first update "
                   "agrees (biases start at zero), from the second the bias updates shrink to a small fraction "
                   "while the gradients and the weight updates agree",
         expected=("lars", "trust ratio", "bias", "biases", "exclude", "excluded", "adaptation", "layer-wise",
                   "weight decay", "ndim", "update", "optimizer", "scaled", "norm ratio", "eta")),
    dict(id="SB15_nce_log_scale_grad", side="numpy",
         args=pair("15_nce_scale_grad_numpy.py", "InfoNCE", "infonce_torch.py", "InfoNCE", *NCE, *NCE_PARAMS),
         mechanism="pair: the gradient of the learnable log_scale is sum(dlogits * C), the derivative with "
                   "respect to the scale exp(log_scale), missing the chain-rule factor exp(log_scale) (10 at "
                   "the start): log_scale's gradient is about ten times too small, and through the global-norm "
                   "clipping every clipped gradient differs; the loss is right",
         expected=("temperature", "logit scale", "log_scale", "scale", "exp", "chain rule", "log", "factor",
                   "learnable", "backward", "gradient", "missing factor", "reparameter", "inverse temperature",
                   "clip")),
    dict(id="SB16_nce_softmax_axis", side="numpy",
         args=pair("16_nce_softmax_axis_numpy.py", "InfoNCE", "infonce_torch.py", "InfoNCE", *NCE, *NCE_PARAMS),
         mechanism="pair: the softmax of the logits is taken over axis=0 (each column) instead of axis=1 (each "
                   "row): the loss becomes the B->A cross-entropy instead of the A->B one (view B the anchor), "
                   "its gradient consistent with it, so the loss and every gradient differ",
         expected=("softmax", "axis", "axis=0", "axis=1", "rows", "columns", "direction", "anchor",
                   "cross-entropy", "transpose", "b->a", "a->b", "normalized over", "forward", "loss")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SB17_sym_einsum_numpy", side="correct",
         args=pair("sym_infonce_alt_numpy.py", "SymInfoNCEAlt", "sym_infonce_torch.py", "SymInfoNCE", *SYM,
                   *SYM_ALT_PARAMS),
         mechanism="pair: the symmetric InfoNCE in NumPy with (out, in) weights under other names, both views "
                   "along a views axis through np.einsum, np.logaddexp.reduce log-softmaxes over rows and "
                   "columns, the normalisation Jacobian as an einsum, and AdamW with its moments in a nested "
                   "state dict and the bias corrections folded into one step size (eps scaled); against the "
                   "nn.Linear port", expected=()),
    dict(id="SB18_simclr_raw_lars_port", side="correct",
         args=pair("simclr_numpy.py", "SimCLR", "simclr_raw_torch.py", "SimCLRRaw", *CLR, *CLR_RAW_PARAMS),
         mechanism="pair: SimCLR port with raw (in, out) nn.Parameters and torch.addmm, rsqrt normalisation, "
                   "NT-Xent with the diagonal removed (sim[~eye].view(2n, 2n - 1), targets shifted) through "
                   "log_softmax and gather, and a LARS optimizer carrying its own warmup + cosine schedule "
                   "(no scheduler) with a zero-initialised velocity", expected=()),
    dict(id="SB19_nce_flat_vector_numpy", side="correct",
         args=pair("infonce_flat_numpy.py", "InfoNCEFlat", "infonce_torch.py", "InfoNCE", *NCE, *NCE_PARAMS),
         mechanism="pair: the one-directional InfoNCE in NumPy with every parameter (the 0-d log_scale "
                   "included) a view into one flat vector, the gradient written into views of one flat "
                   "gradient, clipping and RMSprop as in-place operations on the flat vectors, the leaky ReLU "
                   "as np.maximum(a, SLOPE * a)", expected=()),
]
