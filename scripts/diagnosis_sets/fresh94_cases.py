"""Ninety-fourth fresh held-out set for the diagnosis: one planted bug per program in fresh94/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is learning to rank written by hand: query-document rows grouped into queries by an id
column of X (column 0; the features after it), graded relevance labels in y, a scoring MLP and a
loss over the documents of each query. RankNet: a tanh MLP, the pairwise logistic loss
log(1 + exp(-SIGMA (s_i - s_j))) over every same-query pair with y_i > y_j found with masks and
averaged over the pairs, the gradients clipped to a global norm, then SGD with heavy-ball momentum
and weight decay on the weights only. LambdaRank: a ReLU MLP, the same pairwise loss weighted by
|delta NDCG| of swapping the pair in the current ranking (exponential gains, log2 discounts, the
ideal DCG), a loop over the queries, the sum per query averaged over the queries, Adam
(beta2 = 0.99) with a StepLR-style schedule, trained in batches of 16 rows that hold whole
queries. ListNet: a GELU (tanh approximation) MLP, the cross-entropy between softmax(y) and
softmax(s / TEMP) within each query, the queries of different sizes in a padded table with a
mask, AdamW with an exponential schedule. fresh94/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh94_cases

Each case:
    id          short name (prefixed RP)
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

F = "scripts/diagnosis_sets/fresh94/"

WEB, NEWS = F + "web.npz", F + "news.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


MLP_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.T")
SEQ_PARAMS = params("params['W1']=scorer.0.weight.T", "params['b1']=scorer.0.bias",
                    "params['W2']=scorer.2.weight.T")
RN = ("--data", WEB)
RN_LOOP_PARAMS = params("params['hidden_w']=hidden.weight", "params['hidden_b']=hidden.bias",
                        "params['score_w']=out.weight.reshape(16)")
LR = ("--data", NEWS, "--batch-size", "16")
LN = ("--data", WEB)

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RP01_rn_cross_query_pairs", side="port",
         args=pair("ranknet_numpy.py", "RankNet", "01_rn_cross_query_pairs_port.py", "RankNet", *RN,
                   *MLP_PARAMS),
         mechanism="pair: the port's pair mask is y[:, None] > y[None, :] alone, without the same-query "
                   "mask qid_i == qid_j: documents of different queries are compared too, so the loss "
                   "averages over many more (cross-query) pairs and every gradient differs from step 1",
         expected=("query", "query id", "same query", "qid", "pair", "pairs", "mask", "pair mask",
                   "cross-query", "across queries", "group", "grouping", "different queries",
                   "number of pairs", "loss")),
    dict(id="RP02_rn_softplus_beta", side="port",
         args=pair("ranknet_numpy.py", "RankNet", "02_rn_softplus_beta_port.py", "RankNet", *RN, *MLP_PARAMS),
         mechanism="pair: the port writes F.softplus(-diff, beta=SIGMA) for log(1 + exp(-SIGMA * diff)): "
                   "torch's softplus with beta divides by beta, (1/beta) log(1 + exp(beta x)), so the pair "
                   "loss and its gradients are 1/SIGMA = 0.5 times the NumPy program's (clipping hides part "
                   "of it in the updates while the norm is above CLIP)",
         expected=("softplus", "beta", "sigma", "scale", "scaled", "factor", "0.5", "half", "1/sigma",
                   "loss", "ratio", "constant factor", "logistic", "temperature", "gradient")),
    dict(id="RP03_rn_clip_after_step", side="port",
         args=pair("ranknet_numpy.py", "RankNet", "03_rn_clip_after_step_port.py", "RankNet", *RN,
                   *MLP_PARAMS),
         mechanism="pair: nn.utils.clip_grad_norm_ is called after optimizer.step() instead of before: the "
                   "update (and the momentum buffer) uses the unclipped gradient while .grad is clipped "
                   "afterwards, so gradients agree but the updates are larger on every step where the "
                   "global norm exceeds CLIP",
         expected=("clip", "clipping", "clip_grad_norm_", "gradient clipping", "max norm", "norm", "order",
                   "after optimizer.step", "before the step", "unclipped", "update", "momentum buffer",
                   "too late", "global norm", "optimizer")),
    dict(id="RP04_lr_rank_ascending", side="port",
         args=pair("lambdarank_numpy.py", "LambdaRank", "04_lr_rank_ascending_port.py", "LambdaRank", *LR,
                   *MLP_PARAMS),
         mechanism="pair: the port ranks the documents with torch.argsort(s) without descending=True: the "
                   "lowest score gets rank 0, so the discounts 1/log2(rank + 2) and the |delta NDCG| pair "
                   "weights come from the reversed ranking; the loss and every gradient differ",
         expected=("argsort", "descending", "ascending", "rank", "ranking", "reversed", "order", "sort",
                   "delta ndcg", "ndcg", "lambdarank", "discount", "pair weight", "lambda", "weights")),
    dict(id="RP05_lr_steplr_default_gamma", side="port",
         args=pair("lambdarank_numpy.py", "LambdaRank", "05_lr_steplr_gamma_port.py", "LambdaRank", *LR,
                   *MLP_PARAMS),
         mechanism="pair: StepLR(optimizer, STEP_SIZE) without gamma=GAMMA uses torch's default gamma=0.1: "
                   "the first six updates agree, from update 7 the port's learning rate is 0.1 x LR instead "
                   "of 0.5 x LR (then 0.01 x LR at update 13 instead of 0.25 x LR); gradients agree, the "
                   "updates are 5 then 25 times too small",
         expected=("steplr", "gamma", "default", "0.1", "learning rate", "schedule", "scheduler", "decay",
                   "step_size", "step 7", "update", "factor", "smaller", "lr", "too small")),
    dict(id="RP06_ln_gelu_exact", side="port",
         args=pair("listnet_numpy.py", "ListNet", "06_ln_gelu_exact_port.py", "ListNet", *LN, *MLP_PARAMS),
         mechanism="pair: the port calls F.gelu(x) (the exact erf GELU) where the NumPy program uses the tanh "
                   "approximation (approximate='tanh'): the hidden activations differ slightly (up to about "
                   "5e-4), so the scores, the loss and every gradient differ a little from step 1",
         expected=("gelu", "approximate", "tanh", "erf", "approximation", "activation", "exact",
                   "forward", "hidden", "approximate='tanh'", "f.gelu", "nonlinearity", "small difference",
                   "scores")),
    dict(id="RP07_ln_adam_coupled_decay", side="port",
         args=pair("listnet_numpy.py", "ListNet", "07_ln_adam_l2_port.py", "ListNet", *LN, *MLP_PARAMS),
         mechanism="pair: the port's optimizer is torch.optim.Adam(weight_decay=WD) instead of AdamW: the decay "
                   "is added to the gradient inside Adam (L2, then normalised by the second moment) instead of "
                   "the decoupled p *= 1 - lr * WD; gradients agree (.grad is untouched), the updates differ",
         expected=("adamw", "adam", "weight decay", "decoupled", "l2", "coupled", "weight_decay", "optimizer",
                   "update", "proportional to the parameter", "decay", "regulariz", "moment", "lr * wd")),
    dict(id="RP08_ln_softmax_dim0", side="port",
         args=pair("listnet_numpy.py", "ListNet", "08_ln_softmax_dim0_port.py", "ListNet", *LN, *MLP_PARAMS),
         mechanism="pair: the port's log_softmax on the padded (queries, longest) table runs over dim=0, across "
                   "the queries at each position, instead of dim=1 within each query: the score distribution "
                   "no longer matches the per-query target, so the loss and every gradient differ",
         expected=("dim", "dim=0", "dim=1", "axis", "softmax", "log_softmax", "wrong axis", "per query",
                   "within each query", "across queries", "padded", "listnet", "normaliz", "row", "column")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RP09_rn_sigmoid_sign", side="numpy",
         args=pair("09_rn_sigmoid_sign_numpy.py", "RankNet", "ranknet_torch.py", "RankNet", *RN, *MLP_PARAMS),
         mechanism="pair: the hand-written pair gradient uses sigmoid(+SIGMA * diff) instead of "
                   "sigmoid(-SIGMA * diff) (= 1 - the right value): well-ordered pairs get the large push and "
                   "misordered ones the small one, so every gradient is wrong while the loss is right",
         expected=("sigmoid", "sign", "derivative", "backward", "gradient", "softplus", "logistic",
                   "1 - sigmoid", "pair", "lambda", "ranknet", "finite difference", "chain rule", "numpy")),
    dict(id="RP10_rn_decay_on_bias", side="numpy",
         args=pair("10_rn_decay_bias_numpy.py", "RankNet", "ranknet_torch.py", "RankNet", *RN, *MLP_PARAMS),
         mechanism="pair: the NumPy update applies the L2 weight decay WD * p to the hidden bias b1 too (DECAYED "
                   "includes 'b1'), where the port's parameter group for the bias has weight_decay=0: b1's "
                   "update differs by LR * WD * b1 (through momentum), the other parameters agree",
         expected=("weight decay", "bias", "b1", "decay", "parameter group", "param group", "weight_decay",
                   "proportional to the parameter", "l2", "update", "momentum", "excluded", "no decay",
                   "regulariz")),
    dict(id="RP11_rn_clip_per_tensor", side="numpy",
         args=pair("11_rn_clip_per_tensor_numpy.py", "RankNet", "ranknet_torch.py", "RankNet", *RN,
                   *MLP_PARAMS),
         mechanism="pair: the NumPy program clips each gradient by its own norm, min(1, CLIP / |g_k|), instead "
                   "of scaling all of them by the global coefficient CLIP / |g| computed over every gradient: "
                   "while the global norm exceeds CLIP each tensor gets a different (or no) scale and the "
                   "clipped gradients are too large",
         expected=("clip", "clipping", "global norm", "per-parameter", "per parameter", "per tensor", "norm",
                   "clip_grad_norm_", "max norm", "total norm", "scale", "coefficient", "gradient", "each")),
    dict(id="RP12_lr_vhat_beta1", side="numpy",
         args=pair("12_lr_vhat_beta1_numpy.py", "LambdaRank", "lambdarank_torch.py", "LambdaRank", *LR,
                   *MLP_PARAMS),
         mechanism="pair: Adam's second-moment bias correction divides by 1 - BETA1^t instead of 1 - BETA2^t: "
                   "v_hat is too small (by (1 - 0.99^t)/(1 - 0.9^t), 0.1 at t = 1), so the steps are too large "
                   "by sqrt((1 - 0.9^t)/(1 - 0.99^t)), a ratio that moves with the step (3.2 at t = 1, 2.2 at "
                   "t = 20); gradients agree",
         expected=("adam", "bias correction", "beta1", "beta2", "second moment", "v_hat", "1 - beta",
                   "ratio", "moves with the step", "step size", "update", "exp_avg_sq", "optimizer",
                   "correction")),
    dict(id="RP13_lr_step_float_div", side="numpy",
         args=pair("13_lr_step_float_div_numpy.py", "LambdaRank", "lambdarank_torch.py", "LambdaRank", *LR,
                   *MLP_PARAMS),
         mechanism="pair: the step schedule is LR * GAMMA ** (t / STEP_SIZE) with true division instead of "
                   "t // STEP_SIZE: the rate decays smoothly every update (an exponential schedule, 0.5^(1/6) "
                   "per step) instead of halving every six; update 1 agrees, then the updates are smaller by a "
                   "factor that changes with the step",
         expected=("schedule", "step schedule", "steplr", "floor", "integer division", "//", "learning rate",
                   "exponential", "decay", "gamma", "step_size", "smooth", "update", "lr", "factor")),
    dict(id="RP14_lr_signed_delta_ndcg", side="numpy",
         args=pair("14_lr_signed_delta_numpy.py", "LambdaRank", "lambdarank_torch.py", "LambdaRank", *LR,
                   *MLP_PARAMS),
         mechanism="pair: the |delta NDCG| pair weight is missing np.abs: (gain_i - gain_j) * (disc_i - disc_j) "
                   "is negative whenever the better document is ranked below the worse one, so exactly the "
                   "misordered pairs get negative weights (pushed the wrong way); the loss and every gradient "
                   "differ",
         expected=("abs", "absolute", "delta ndcg", "ndcg", "sign", "negative", "weight", "pair weight",
                   "lambdarank", "lambda", "discount", "gain", "swap", "np.abs", "loss")),
    dict(id="RP15_ln_grad_missing_temp", side="numpy",
         args=pair("15_ln_grad_temp_numpy.py", "ListNet", "listnet_torch.py", "ListNet", *LN, *MLP_PARAMS),
         mechanism="pair: the backward scatters dZ = (p - p_y) / n_queries to the scores without the 1 / TEMP "
                   "of Z = s / TEMP: every gradient is TEMP = 0.5 times the true one (a constant factor, the "
                   "loss right)",
         expected=("temperature", "temp", "1/temp", "chain rule", "factor", "0.5", "half", "scale", "scaled",
                   "backward", "gradient", "softmax", "constant factor", "ratio", "finite difference")),
    dict(id="RP16_ln_pad_zero_logit", side="numpy",
         args=pair("16_ln_pad_zero_logit_numpy.py", "ListNet", "listnet_torch.py", "ListNet", *LN, *MLP_PARAMS),
         mechanism="pair: the padded entries of the score table are filled with 0 instead of the large negative "
                   "logit: in every query shorter than the longest the padding takes softmax probability, so the "
                   "query's distribution over its real documents is too small; the loss and gradients differ",
         expected=("padding", "padded", "mask", "masked", "pad", "softmax", "-inf", "large negative", "zero",
                   "query size", "variable length", "shorter", "probability", "logit", "listnet")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RP17_rn_loops_numpy", side="correct",
         args=pair("ranknet_loops_numpy.py", "RankNetLoops", "ranknet_torch.py", "RankNet", *RN, *RN_LOOP_PARAMS),
         mechanism="pair: RankNet in NumPy with the hidden weight kept (out, in) and a vector score weight "
                   "(paired as out.weight.reshape(16)), itertools.permutations over each query's pairs, "
                   "np.linalg.norm over the concatenated gradients for clipping, and the learning rate folded "
                   "into the momentum move (move = mu * move + lr * d); against the nn.Linear port", expected=()),
    dict(id="RP18_lr_lambdas_backward_port", side="correct",
         args=pair("lambdarank_numpy.py", "LambdaRank", "lambdarank_lambdas_torch.py", "LambdaRankScorer", *LR,
                   *SEQ_PARAMS),
         mechanism="pair: LambdaRank port that differentiates no loss: the lambdas computed by hand under "
                   "no_grad and pushed in with s.backward(lambdas), ranks by a double argsort, an nn.Sequential "
                   "scorer, Adam with the step schedule written into param_groups by hand", expected=()),
    dict(id="RP19_ln_split_crossentropy_port", side="correct",
         args=pair("listnet_numpy.py", "ListNet", "listnet_split_torch.py", "ListNetSeq", *LN, *SEQ_PARAMS),
         mechanism="pair: ListNet port without padding: torch.split over unique_consecutive counts, "
                   "F.cross_entropy with probability targets per query, nn.Sequential with "
                   "nn.GELU('tanh'), AdamW with a LambdaLR GAMMA ** epoch", expected=()),
]
