"""Hundred-and-nineteenth fresh held-out set for the diagnosis: one planted bug per program in
fresh119/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is recommender models written by hand on integer ids stored in X. A biased matrix
factorisation of explicit ratings (user and item factor tables, per-user and per-item biases and
a learned global bias), half the mean squared error plus an L2 penalty on the factor rows looked
up in the batch, and Adagrad with an initial accumulator value of 0.1; a BPR matrix
factorisation on (user, positive, sampled negative) triples weighted by a confidence weight (y),
-log sigmoid of the score difference normalised by the total weight plus the L2 penalty of the
batch rows, and SGD with heavy-ball momentum and an exponential learning-rate decay; and a
two-tower retrieval model (an MLP tower per side over the id embedding and a few side features,
cosine similarity divided by a temperature) trained with a sampled softmax over the positive and
four pre-sampled negatives, global-norm gradient clipping and AdamW. The NumPy programs scatter
the embedding gradients with np.add.at (ids repeat inside every batch). fresh119/make_data.py
writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh119_cases

Each case:
    id          short name (prefixed SO)
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

F = "scripts/diagnosis_sets/fresh119/"

RATINGS, TRIPLES, SLATES = F + "ratings.npz", F + "triples.npz", F + "slates.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


MF = ("--data", RATINGS, "--batch-size", "24")
MF_PARAMS = params("params['P']=user_factors.weight", "params['Q']=item_factors.weight",
                   "params['b_user']=user_bias.weight.reshape(20)", "params['b_item']=item_bias.weight.reshape(30)",
                   "params['mu']=global_bias") + ["--state", "sum=net.acc"]
MF_SPARSE_PARAMS = params("P=user_factors.weight", "Q=item_factors.weight", "bu=user_bias.weight.reshape(20)",
                          "bi=item_bias.weight.reshape(30)", "mu=global_bias") + ["--state", "sum=net.G"]
BPR = ("--data", TRIPLES, "--batch-size", "20")
BPR_PARAMS = params("params['P']=users.weight", "params['Q']=items.weight", "params['b']=item_bias.weight.reshape(24)")
BPR_RAW_PARAMS = params("params['P']=P", "params['Q']=Q", "params['b']=b")
TT = ("--data", SLATES, "--batch-size", "20")
TT_PARAMS = params("params['user_emb']=user_emb.weight", "params['item_emb']=item_emb.weight",
                   "params['Wu1']=user_mlp.0.weight.T", "params['bu1']=user_mlp.0.bias",
                   "params['Wu2']=user_mlp.2.weight.T", "params['bu2']=user_mlp.2.bias",
                   "params['Wi1']=item_mlp.0.weight.T", "params['bi1']=item_mlp.0.bias",
                   "params['Wi2']=item_mlp.2.weight.T", "params['bi2']=item_mlp.2.bias")
TT_ATTR_PARAMS = params("user_table=user_emb.weight", "item_table=item_emb.weight",
                        "u_fc1_w=user_mlp.0.weight", "u_fc1_b=user_mlp.0.bias",
                        "u_fc2_w=user_mlp.2.weight", "u_fc2_b=user_mlp.2.bias",
                        "i_fc1_w=item_mlp.0.weight", "i_fc1_b=item_mlp.0.bias",
                        "i_fc2_w=item_mlp.2.weight", "i_fc2_b=item_mlp.2.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SO01_mf_adagrad_acc0", side="port",
         args=pair("mf_numpy.py", "RatingMF", "01_mf_adagrad_acc0_port.py", "RatingMF", *MF, *MF_PARAMS),
         mechanism="pair: the port builds torch.optim.Adagrad without initial_accumulator_value=0.1, so its "
                   "accumulators (state 'sum') start at 0 where the NumPy program's start at 0.1: the first "
                   "update of every touched entry is LR * g / |g| (a sign step of size LR) instead of "
                   "LR * g / sqrt(0.1 + g^2), and later updates stay larger; the gradients agree, the "
                   "accumulator state differs by 0.1 everywhere and the updates differ from step 1",
         expected=("adagrad", "initial_accumulator_value", "initial accumulator", "accumulator", "state_sum",
                   "sum", "0.1", "optimizer state", "initial value", "default", "zero", "denominator",
                   "sign", "update", "optimizer")),
    dict(id="SO02_mf_l2_whole_table", side="port",
         args=pair("mf_numpy.py", "RatingMF", "02_mf_l2_whole_table_port.py", "RatingMF", *MF, *MF_PARAMS),
         mechanism="pair: the port's L2 penalty sums the squares of the whole user_factors and item_factors "
                   "tables (.weight) instead of the rows looked up in the batch: every row of P and Q, those "
                   "outside the batch included, gets 2 * LAM / n * row, a row repeated in the batch is "
                   "penalised once instead of once per occurrence, and the loss gains the penalty of the "
                   "other rows; the biases are right",
         expected=("l2", "penalty", "regulariz", "regularis", "whole table", "entire table", "all rows",
                   "embedding", "looked-up", "batch rows", ".weight", "weight decay",
                   "proportional to the parameter", "rows outside the batch", "lam")),
    dict(id="SO03_mf_padding_idx", side="port",
         args=pair("mf_numpy.py", "RatingMF", "03_mf_padding_idx_port.py", "RatingMF", *MF, *MF_PARAMS),
         mechanism="pair: the user factor table is nn.Embedding(N_USERS, K, padding_idx=0), so user id 0 (a "
                   "real user) is treated as padding: its factor row gets a zero gradient and never moves in "
                   "the port, while the NumPy program trains it; P's gradient and update differ in row 0 "
                   "whenever user 0 is in the batch, everything else agrees",
         expected=("padding_idx", "padding", "embedding", "row 0", "index 0", "user 0", "id 0",
                   "zero gradient", "no gradient", "frozen", "never updated", "nn.embedding",
                   "missing gradient", "masked row")),
    dict(id="SO04_bpr_logsigmoid_swapped", side="port",
         args=pair("bpr_numpy.py", "BPRMF", "04_bpr_logsigmoid_swapped_port.py", "BPRMF", *BPR, *BPR_PARAMS),
         mechanism="pair: the port's BPR term is -logsigmoid(s_neg - s_pos) instead of "
                   "-logsigmoid(s_pos - s_neg): the score difference is reversed, so the loss is "
                   "softplus(d) instead of softplus(-d) and the gradients flip sign (weighted by sigmoid(d) "
                   "instead of sigmoid(-d)): the port learns to rank the sampled negative above the positive",
         expected=("bpr", "logsigmoid", "sign", "swapped", "reversed", "negative item", "positive item",
                   "s_pos - s_neg", "order", "flipped", "ranking", "opposite direction", "pairwise",
                   "margin", "loss")),
    dict(id="SO05_bpr_multiplicative_lr", side="port",
         args=pair("bpr_numpy.py", "BPRMF", "05_bpr_multiplicative_lr_port.py", "BPRMF", *BPR, *BPR_PARAMS),
         mechanism="pair: the decay is lr_scheduler.MultiplicativeLR(optimizer, lambda t: GAMMA ** t) instead "
                   "of LambdaLR: the factor multiplies the previous rate at every step, so after t updates "
                   "the rate is LR * GAMMA^(t(t+1)/2) instead of LR * GAMMA^t; updates 1 and 2 agree, from "
                   "update 3 the port's steps are smaller by GAMMA^((t-1)(t-2)/2), a ratio that shrinks step "
                   "after step; gradients and momentum buffers agree",
         expected=("multiplicativelr", "lambdalr", "schedule", "scheduler", "learning rate", "decay",
                   "exponential", "gamma", "compounded", "cumulative", "multiplicative", "lr_lambda",
                   "too fast", "ratio", "update")),
    dict(id="SO06_tt_normalize_default_dim", side="port",
         args=pair("twotower_numpy.py", "TwoTower", "06_tt_normalize_default_dim_port.py", "TwoTower", *TT,
                   *TT_PARAMS),
         mechanism="pair: the item tower's output (n, 5, 8) is normalised with F.normalize(zi), whose default "
                   "dim=1 normalises each coordinate across the five candidates of a row instead of each "
                   "candidate's 8-vector (dim=-1): the item vectors are not unit vectors, the logits are not "
                   "cosines over TAU, and the loss and every gradient differ from step 1",
         expected=("normalize", "f.normalize", "dim", "dim=1", "dim=-1", "axis", "wrong axis",
                   "candidates", "unit norm", "cosine", "l2 normaliz", "default", "item tower",
                   "forward", "shape")),
    dict(id="SO07_tt_temperature_mul", side="port",
         args=pair("twotower_numpy.py", "TwoTower", "07_tt_temperature_mul_port.py", "TwoTower", *TT,
                   *TT_PARAMS),
         mechanism="pair: the port multiplies the cosine similarities by the temperature, cos * TAU, instead "
                   "of dividing, cos / TAU: the logits are TAU^2 = 0.04 times (25 times smaller than) the "
                   "NumPy program's, the softmax over the five candidates is nearly uniform, the loss is near "
                   "log 5 and the gradients much smaller",
         expected=("temperature", "tau", "divide", "multiply", "scale", "logits", "softmax", "cosine",
                   "1/tau", "sharpness", "too small", "factor", "forward", "scaled logits", "inverse")),
    dict(id="SO08_tt_adam_coupled_wd", side="port",
         args=pair("twotower_numpy.py", "TwoTower", "08_tt_adam_coupled_wd_port.py", "TwoTower", *TT,
                   *TT_PARAMS),
         mechanism="pair: the port's optimizer is torch.optim.Adam(weight_decay=WD) instead of AdamW: the "
                   "decay WD * p is added to the gradient before the moments (a coupled L2 term, rescaled by "
                   "the adaptive denominator) instead of the decoupled p *= 1 - LR * WD; the clipped "
                   "gradients agree, the moments and updates differ from step 1 (most on embedding rows "
                   "without a data gradient, which Adam now moves by about LR * sign(p))",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "coupled", "l2",
                   "exp_avg", "moments", "optimizer", "decay", "proportional to the parameter",
                   "regulariz", "gradient", "update")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SO09_mf_fancy_index_accumulate", side="numpy",
         args=pair("09_mf_fancy_index_numpy.py", "RatingMF", "mf_torch.py", "RatingMF", *MF, *MF_PARAMS),
         mechanism="pair: the user-factor gradient is scattered with g['P'][u] += ... instead of "
                   "np.add.at(g['P'], u, ...): buffered fancy-index assignment keeps only the last "
                   "occurrence of a user repeated in the batch instead of summing them, so P's gradient is "
                   "too small on repeated users (Q, the biases and the loss are right)",
         expected=("np.add.at", "add.at", "fancy index", "fancy indexing", "repeated", "duplicate",
                   "duplicate indices", "buffered", "scatter", "accumulate", "last occurrence", "embedding",
                   "user factors", "overwrite", "gradient")),
    dict(id="SO10_mf_adagrad_no_sqrt", side="numpy",
         args=pair("10_mf_adagrad_no_sqrt_numpy.py", "RatingMF", "mf_torch.py", "RatingMF", *MF, *MF_PARAMS),
         mechanism="pair: the Adagrad step divides by acc + EPS instead of sqrt(acc) + EPS: each update is "
                   "1 / sqrt(acc) times torch's (about 3 times larger at the start, acc >= 0.1, the ratio "
                   "shrinking as the accumulator grows, different per entry); gradients and accumulators "
                   "agree, the updates differ from step 1",
         expected=("adagrad", "sqrt", "square root", "denominator", "accumulator", "state_sum", "sum",
                   "update", "optimizer", "step size", "scaled", "learning rate", "g^2",
                   "effective learning rate", "per entry")),
    dict(id="SO11_mf_item_bias_user_id", side="numpy",
         args=pair("11_mf_item_bias_user_id_numpy.py", "RatingMF", "mf_torch.py", "RatingMF", *MF, *MF_PARAMS),
         mechanism="pair: the forward adds b_item[u], the item-bias table indexed by the user id column, "
                   "instead of b_item[i]; the biases start at zero so step 1 agrees, from step 2 the "
                   "predictions, the loss and every gradient differ (the backward still sends the bias "
                   "gradient to b_item[i])",
         expected=("item bias", "b_item", "index", "user id", "item id", "wrong index", "wrong column",
                   "bias", "lookup", "forward", "prediction", "ids", "mixed up", "step 2")),
    dict(id="SO12_bpr_sigmoid_sign", side="numpy",
         args=pair("12_bpr_sigmoid_sign_numpy.py", "BPRMF", "bpr_torch.py", "BPRMF", *BPR, *BPR_PARAMS),
         mechanism="pair: the derivative of the BPR term -log sigmoid(d) is written -w * sigmoid(d) / Z "
                   "instead of -w * sigmoid(-d) / Z (= -(1 - sigmoid(d))): pairs already ranked right get the "
                   "largest push and badly ranked ones the smallest; every gradient is wrong while the loss "
                   "is right",
         expected=("sigmoid", "derivative", "bpr", "1 - sigmoid", "sigmoid(-d)", "log sigmoid", "logsigmoid",
                   "backward", "gradient", "sign", "softplus", "chain rule", "inconsistent",
                   "wrong argument", "finite difference")),
    dict(id="SO13_bpr_weight_normaliser", side="numpy",
         args=pair("13_bpr_weight_norm_numpy.py", "BPRMF", "bpr_torch.py", "BPRMF", *BPR, *BPR_PARAMS),
         mechanism="pair: the weighted BPR sum is normalised by Z = len(y), the batch size, instead of "
                   "Z = sum(y), the total confidence weight: the data term of the loss and of every gradient "
                   "is scaled by sum(w) / n (about 2, different in each batch) while the L2 penalty term is not",
         expected=("weight", "weights", "confidence", "sum of weights", "normaliz", "denominator",
                   "batch size", "mean", "weighted mean", "scaled", "factor", "reduction", "divide",
                   "y.sum()", "len(y)")),
    dict(id="SO14_tt_normalize_backward", side="numpy",
         args=pair("14_tt_normalize_backward_numpy.py", "TwoTower", "twotower_torch.py", "TwoTower", *TT,
                   *TT_PARAMS),
         mechanism="pair: the backward through the item tower's L2 normalisation q = z / |z| is dq / |z|, "
                   "without the projection term -q (q . dq) / |z| (the norm treated as a constant): the item "
                   "tower's weights and biases and item_emb get wrong gradients (the user tower and the loss "
                   "are right)",
         expected=("normaliz", "l2 norm", "norm", "projection", "jacobian", "cosine", "backward",
                   "gradient", "constant", "item tower", "chain rule", "unit vector", "missing term",
                   "finite difference", "q q^t")),
    dict(id="SO15_tt_adam_no_bias_correction2", side="numpy",
         args=pair("15_tt_adam_no_bc2_numpy.py", "TwoTower", "twotower_torch.py", "TwoTower", *TT, *TT_PARAMS),
         mechanism="pair: the Adam denominator is sqrt(v) + EPS instead of sqrt(v / (1 - b2^t)) + EPS: the "
                   "second-moment bias correction is left out, so each update is 1 / sqrt(1 - 0.999^t) times "
                   "too large (about 32 at step 1, about 7 at step 20), a ratio that moves with the step; "
                   "gradients and moments agree",
         expected=("adam", "bias correction", "second moment", "v_hat", "exp_avg_sq", "beta2",
                   "1 - beta2", "bias_correction2", "denominator", "update", "optimizer", "too large",
                   "moves with the step", "sqrt", "early steps")),
    dict(id="SO16_tt_clip_per_tensor", side="numpy",
         args=pair("16_tt_clip_per_tensor_numpy.py", "TwoTower", "twotower_torch.py", "TwoTower", *TT,
                   *TT_PARAMS),
         mechanism="pair: the clipping factor is computed from each parameter's own norm, "
                   "min(1, CLIP / |g_k|), instead of from the global norm of all the gradients as "
                   "clip_grad_norm_ does; the global norm is above CLIP at every step, so each tensor is "
                   "scaled by its own factor (those with a norm below CLIP not at all): the stored (clipped) "
                   "gradients differ by a different factor per parameter, the loss agrees",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "total norm", "per-parameter",
                   "per parameter", "per tensor", "each parameter", "norm", "max_norm", "scale", "factor",
                   "different factor", "gradient")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SO17_mf_sparse_adagrad_numpy", side="correct",
         args=pair("mf_sparse_numpy.py", "RatingMFSparse", "mf_torch.py", "RatingMF", *MF, *MF_SPARSE_PARAMS),
         mechanism="pair: the rating factorisation in NumPy with the tables as attributes, einsum scores, the "
                   "row gradients accumulated by one-hot matrix products and np.bincount instead of "
                   "np.add.at, and a sparse Adagrad updating only the unique rows of the batch (accumulators "
                   "in a dict G); against the nn.Embedding port", expected=()),
    dict(id="SO18_bpr_raw_param_port", side="correct",
         args=pair("bpr_numpy.py", "BPRMF", "bpr_raw_torch.py", "BPRMFRaw", *BPR, *BPR_RAW_PARAMS),
         mechanism="pair: BPR port with raw nn.Parameter tables read by integer indexing, einsum scores, "
                   "F.softplus(-margin) weighted by torch.dot, torch.linalg.vector_norm squared for the penalty "
                   "and the exponential decay written into param_groups by hand before optimizer.step()",
         expected=()),
    dict(id="SO19_tt_attr_layout_numpy", side="correct",
         args=pair("twotower_alt_numpy.py", "TwoTowerAttrs", "twotower_torch.py", "TwoTower", *TT,
                   *TT_ATTR_PARAMS),
         mechanism="pair: the two-tower model in NumPy with every parameter an attribute and the dense weights "
                   "kept (out, in), the cosine as dot / (|a| |b|) with its backward through the Jacobian "
                   "(I - q q^T) / |z| in einsum, np.logaddexp.reduce for the cross-entropy, one-hot products "
                   "for the embedding gradients, clipping from the norm of the concatenated gradients and "
                   "Adam's bias corrections folded into the step size and epsilon", expected=()),
]
