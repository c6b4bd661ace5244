"""One hundred and fifty-ninth fresh held-out set for the diagnosis: one planted bug per program
in fresh159/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is a small decoder-only
transformer language model on token windows, every backward written by hand in NumPy: token and
learned positional embeddings, pre-LayerNorm blocks with causal multi-head self-attention
(scaled dot product, causal mask), a GELU MLP, residual connections, a final LayerNorm, an output
head, cross-entropy averaged over all B*T positions, AdamW with decoupled weight decay on the
weight matrices only (not biases, LayerNorm or embeddings), linear warmup then linear decay of
the learning rate (LambdaLR on the torch side).

The base programs (data from fresh159/make_data.py, fixed seed: windows of a random sparse
Markov-chain token stream, y = X shifted by one; nothing random while training):

    gpt_numpy.py:TinyGPT / gpt_torch.py:TinyGPT, gpt.npz X (24, 8) int64 in [0, 16), y (24, 8)
        wte (16, 12), wpe (8, 12); two pre-LN blocks: LN1 -> fused qkv projection without bias
        (NumPy Wqkv (C, 3C), y = x @ W), 2 heads of 6, scores scaled by 1/sqrt(6), causal mask
        (-inf above the diagonal), softmax, proj with bias, residual; LN2 -> fc 12->48 ->
        GELU (tanh approximation) -> fc 48->12, residual; final LN; head 12->16 without bias.
        Parameters in a dict params['h{l}.Wqkv'] etc.; weights kept (in, out).
        AdamW lr 1e-2, betas (0.9, 0.95), eps 1e-8, weight decay 0.1 on Wqkv, Wo, W1, W2, Wh;
        warmup 4 updates ((s + 1) / 4), then (20 - s) / 16.
    lm1_numpy.py:TinyLM / lm1_torch.py:TinyLM, lm1.npz X (16, 6) int64 in [0, 10), y (16, 6)
        tok (10, 8), pos (6, 8) (the port keeps pos_emb as an nn.Parameter (1, 6, 8));
        one pre-LN block: separate q, k, v projections without bias, 2 heads of 4, scale
        1/sqrt(4), causal mask; out_proj with bias; MLP 8->32 exact (erf) GELU 32->8; final
        LN; lm head with bias. Attributes (self.Wq, ...), weights kept (out, in) as nn.Linear.
        AdamW lr 5e-3, betas (0.9, 0.95), eps 1e-8, weight decay 0.05 on the 7 weight matrices;
        warmup 3 updates ((s + 1) / 3), then (20 - s) / 17.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh159_cases

Each case:
    id          short name (prefixed UC)
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

F = "scripts/diagnosis_sets/fresh159/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def gpt(numpy="gpt_numpy.py", port="gpt_torch.py", layout=".T"):
    """The two-block GPT; layout ".T" for NumPy weights kept (in, out), "" for (out, in)."""
    pairs = ["params['wte']=wte.weight", "params['wpe']=wpe.weight"]
    for l in range(2):
        b = f"blocks.{l}."
        pairs += [f"params['h{l}.ln1_g']={b}ln_1.weight", f"params['h{l}.ln1_b']={b}ln_1.bias",
                  f"params['h{l}.Wqkv']={b}attn.c_attn.weight{layout}",
                  f"params['h{l}.Wo']={b}attn.c_proj.weight{layout}",
                  f"params['h{l}.bo']={b}attn.c_proj.bias",
                  f"params['h{l}.ln2_g']={b}ln_2.weight", f"params['h{l}.ln2_b']={b}ln_2.bias",
                  f"params['h{l}.W1']={b}mlp.c_fc.weight{layout}", f"params['h{l}.b1']={b}mlp.c_fc.bias",
                  f"params['h{l}.W2']={b}mlp.c_proj.weight{layout}", f"params['h{l}.b2']={b}mlp.c_proj.bias"]
    pairs += ["params['lnf_g']=ln_f.weight", "params['lnf_b']=ln_f.bias", f"params['Wh']=head.weight{layout}"]
    args = [F + numpy + ":TinyGPT", "--torch", F + port + ":TinyGPT", "--data", F + "gpt.npz", "--as-written"]
    for p in pairs:
        args += ["--param", p]
    return args + RUN


LM1_PORT = {"tok": "tok_emb.weight", "pos": "pos_emb.reshape(6,8)", "ln1_w": "ln1.weight",
            "ln1_b": "ln1.bias", "Wq": "q_proj.weight", "Wk": "k_proj.weight", "Wv": "v_proj.weight",
            "Wo": "out_proj.weight", "bo": "out_proj.bias", "ln2_w": "ln2.weight", "ln2_b": "ln2.bias",
            "Wfc": "fc_in.weight", "bfc": "fc_in.bias", "Wproj": "fc_out.weight", "bproj": "fc_out.bias",
            "lnf_w": "ln_f.weight", "lnf_b": "ln_f.bias", "Whead": "lm_head.weight", "bhead": "lm_head.bias"}
LM1_ALT_PORT = {"tok": "tok.weight", "pos": "pos.weight", "ln1_w": "block.ln1.weight",
                "ln1_b": "block.ln1.bias", "Wq": "block.wq.weight", "Wk": "block.wk.weight",
                "Wv": "block.wv.weight", "Wo": "block.wo.weight", "bo": "block.wo.bias",
                "ln2_w": "block.ln2.weight", "ln2_b": "block.ln2.bias", "Wfc": "block.up.weight",
                "bfc": "block.up.bias", "Wproj": "block.down.weight", "bproj": "block.down.bias",
                "lnf_w": "norm.weight", "lnf_b": "norm.bias", "Whead": "head.weight", "bhead": "head.bias"}
MATRICES = ("Wq", "Wk", "Wv", "Wo", "Wfc", "Wproj", "Whead")


def lm1(numpy="lm1_numpy.py", port="lm1_torch.py", cls="TinyLM", names=LM1_PORT, transposed=False):
    """The one-block LM; transposed=True for NumPy weights kept (in, out)."""
    args = [F + numpy + ":" + cls, "--torch", F + port + ":TinyLM", "--data", F + "lm1.npz", "--as-written"]
    for k, v in names.items():
        args += ["--param", f"{k}={v}{'.T' if transposed and k in MATRICES else ''}"]
    return args + RUN


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UC01", "side": "port", "args": gpt(port="01_maskdiag_port.py"),
     "mechanism": "causal mask built with torch.tril(ones, diagonal=1): each position may also "
                  "attend to the next token (the mask is off by one, leaking the future)",
     "expected": ("mask", "causal", "diagonal", "future", "tril")},
    {"id": "UC02", "side": "port", "args": gpt(port="02_headsplit_port.py"),
     "mechanism": "heads split by q/k/v.reshape(B, n_head, T, hd) instead of view(B, T, n_head, hd)"
                  ".transpose(1, 2): time and head entries scrambled (the merge is correct)",
     "expected": ("head", "transpose", "reshape", "split", "permute")},
    {"id": "UC03", "side": "port", "args": gpt(port="03_geluexact_port.py"),
     "mechanism": "F.gelu without approximate='tanh': the exact erf GELU where the NumPy program "
                  "uses the tanh approximation",
     "expected": ("gelu", "tanh", "approximate", "erf")},
    {"id": "UC04", "side": "port", "args": gpt(port="04_nozerograd_port.py"),
     "mechanism": "train_step without optimizer.zero_grad(): .grad accumulates, each step's "
                  "gradient is the sum of all gradients so far (correct at step 1 only)",
     "expected": ("zero_grad", "accumulat", "stale", "sum of", "reset")},
    {"id": "UC05", "side": "port", "args": lm1(port="05_scaledmodel_port.py"),
     "mechanism": "attention scores divided by sqrt(n_embd) = sqrt(8) instead of sqrt(head_dim) "
                  "= sqrt(4)",
     "expected": ("scale", "sqrt", "head_dim", "temperature", "scaling")},
    {"id": "UC06", "side": "port", "args": lm1(port="06_warmupzero_port.py"),
     "mechanism": "LambdaLR warmup factor s / warmup instead of (s + 1) / warmup: off by one, the "
                  "first update has learning rate 0 and every warmup step is one behind",
     "expected": ("warmup", "schedule", "learning rate", "lr", "off-by-one")},
    {"id": "UC07", "side": "port", "args": lm1(port="07_lnresidual_port.py"),
     "mechanism": "x = ln1(x); x = x + attn(x): the attention residual is added to the "
                  "LayerNorm output instead of the un-normalised block input (post-norm slip)",
     "expected": ("residual", "layernorm", "layer norm", "skip", "normalized")},
    {"id": "UC08", "side": "port", "args": lm1(port="08_decayall_port.py"),
     "mechanism": "AdamW(model.parameters(), weight_decay=0.05): decay applied to every parameter "
                  "(biases, LayerNorm gains/shifts, embeddings) instead of the weight matrices only",
     "expected": ("weight decay", "weight_decay", "decay", "bias", "no_decay")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UC09", "side": "numpy", "args": gpt(numpy="09_lnback_numpy.py"),
     "mechanism": "LayerNorm backward without the - xhat * mean(dxhat * xhat) term (the gradient "
                  "through the variance left out); every LayerNorm in the model",
     "expected": ("layernorm", "layer norm", "variance", "normalization", "ln")},
    {"id": "UC10", "side": "numpy", "args": gpt(numpy="10_gelucubic_numpy.py"),
     "mechanism": "tanh-GELU derivative uses d/da (a + 0.044715 a^3) = 1 + 0.044715 a^2 (the "
                  "factor 3 of the cubic term lost)",
     "expected": ("gelu", "derivative", "0.044715", "cubic", "activation")},
    {"id": "UC11", "side": "numpy", "args": gpt(numpy="11_softmaxaxis_numpy.py"),
     "mechanism": "attention softmax backward subtracts sum(P * dP) taken over the query axis "
                  "(-2) instead of the key axis (-1)",
     "expected": ("softmax", "axis", "attention", "jacobian", "sum")},
    {"id": "UC12", "side": "numpy", "args": gpt(numpy="12_l2decay_numpy.py"),
     "mechanism": "weight decay added to the gradient (L2 regularisation fed through Adam's "
                  "moments) instead of decoupled (w *= 1 - lr * wd)",
     "expected": ("weight decay", "decoupled", "l2", "coupled", "adamw")},
    {"id": "UC13", "side": "numpy", "args": lm1(numpy="13_tokscatter_numpy.py"),
     "mechanism": "token-embedding gradient as dtok[X] += dx0 (buffered fancy indexing): a token "
                  "repeated in the batch keeps one contribution instead of np.add.at's sum",
     "expected": ("embedding", "scatter", "add.at", "repeated", "duplicate", "index")},
    {"id": "UC14", "side": "numpy", "args": gpt(numpy="14_epsinsqrt_numpy.py"),
     "mechanism": "AdamW denominator sqrt(v / (1 - b2^t) + eps) instead of sqrt(v / (1 - b2^t)) + eps "
                  "(eps inside the square root)",
     "expected": ("eps", "epsilon", "sqrt", "denominator")},
    {"id": "UC15", "side": "numpy", "args": lm1(numpy="15_dkscale_numpy.py"),
     "mechanism": "the 1/sqrt(head_dim) score scale applied to dq but not to dk in the attention "
                  "backward: key-projection gradient sqrt(4) = 2 times too large",
     "expected": ("scale", "key", "Wk", "sqrt", "attention")},
    {"id": "UC16", "side": "numpy", "args": lm1(numpy="16_lossbatch_numpy.py"),
     "mechanism": "loss gradient divided by the batch size B only, not B*T: every gradient T = 6 "
                  "times too large while the reported loss is the mean over all positions",
     "expected": ("mean", "reduction", "positions", "batch", "6")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UC17", "side": "correct", "args": gpt(numpy="gpt_alt_numpy.py", layout=""),
     "mechanism": "correct: NumPy GPT with weights kept (out, in), einsum everywhere, GELU via "
                  "sigmoid(2u), LayerNorm backward through dvar/dmean, Adam bias corrections folded "
                  "into the step size and eps, in-place moments",
     "expected": ()},
    {"id": "UC18", "side": "correct",
     "args": lm1(port="lm1_alt_torch.py", names=LM1_ALT_PORT),
     "mechanism": "correct: port with F.scaled_dot_product_attention(is_causal=True), positions as "
                  "nn.Embedding, log_softmax + gather loss, SequentialLR of two LinearLR",
     "expected": ()},
    {"id": "UC19", "side": "correct",
     "args": lm1(numpy="lm1_loop_numpy.py", cls="TinyLMLoop", transposed=True),
     "mechanism": "correct: NumPy LM with weights kept (in, out), attention one head at a time, "
                  "additive -1e9 mask, token gradient by explicit loops, AdamW with out= updates",
     "expected": ()},
]
