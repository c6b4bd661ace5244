"""One hundred and seventy-second fresh held-out set for the diagnosis: one planted bug per program
in fresh172/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is a small self-attention
classifier written out by hand in NumPy with its full backward: token embeddings plus learned
positional embeddings, scaled dot-product self-attention with softmax and a residual connection,
a mean-pooled or CLS (first-token) readout, softmax cross-entropy (mean over the batch), trained
with Adam or AdamW under a linear learning-rate warm-up.

The base programs (data from fresh172/make_data.py, fixed seed, nothing random while training):

    att_numpy.py:AttnClassifier / att_torch.py:AttnClassifier, att.npz X int64 (32, 6) token ids
        in 0..9, y (32,) in {0, 1, 2}
        E[X] + P (vocab 10, T 6, d 16); one head, q/k/v = x Wq, x Wk, x Wv (NumPy (in, out), torch
        nn.Linear without bias); softmax(q k^T / sqrt(d)) over the keys; h = x + a v; mean over
        the sequence; dense 16->3 (NumPy Wo (in, out)). AdamW lr 1e-2, betas (0.9, 0.999),
        eps 1e-8, weight decay 0.01 decoupled (p *= 1 - lr wd) on every parameter; linear warm-up
        lr * min(1, t / 8) for the t-th update (torch: LambdaLR(min(1, (step + 1) / 8)), stepped
        after optimizer.step()).
    mha_numpy.py:TwoHeadCLS / mha_torch.py:TwoHeadCLS, mha.npz X int64 (32, 8): CLS id 1 at
        position 0, 2..7 tokens in 2..11, padding id 0; y (32,) in {0, 1, 2}
        tok[X] + pos (vocab 12, T 8, d 16); two heads (size 8) of attention with a packed input
        projection W_in (d, 3d) + b_in (= nn.MultiheadAttention in_proj_weight.T, in_proj_bias),
        padding keys masked (-1e9 / key_padding_mask), output projection W_out (in, out) + b_out;
        h = x + attention(x); readout h[:, 0]; dense 16->3 (W_cls (in, out)). Adam lr 1e-2,
        betas (0.9, 0.999), eps 1e-8, no weight decay; warm-up lr * min(1, t / 5).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh172_cases

Each case:
    id          short name (prefixed UP)
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

F = "scripts/diagnosis_sets/fresh172/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def att(numpy="att_numpy.py", port="att_torch.py"):
    return [F + numpy + ":AttnClassifier", "--torch", F + port + ":AttnClassifier",
            "--data", F + "att.npz", "--as-written",
            "--param", "params['E']=tok.weight",
            "--param", "params['P']=pos",
            "--param", "params['Wq']=q.weight.T",
            "--param", "params['Wk']=k.weight.T",
            "--param", "params['Wv']=v.weight.T",
            "--param", "params['Wo']=head.weight.T",
            "--param", "params['bo']=head.bias", *RUN]


def att_einsum():
    return [F + "att_einsum_numpy.py:AttnEinsum", "--torch", F + "att_torch.py:AttnClassifier",
            "--data", F + "att.npz", "--as-written",
            "--param", "params['E']=tok.weight",
            "--param", "params['P']=pos",
            "--param", "params['Wq']=q.weight",
            "--param", "params['Wk']=k.weight",
            "--param", "params['Wv']=v.weight",
            "--param", "params['Wo']=head.weight",
            "--param", "params['bo']=head.bias", *RUN]


def mha(numpy="mha_numpy.py", port="mha_torch.py"):
    return [F + numpy + ":TwoHeadCLS", "--torch", F + port + ":TwoHeadCLS",
            "--data", F + "mha.npz", "--as-written",
            "--param", "params['tok']=tok.weight",
            "--param", "params['pos']=pos",
            "--param", "params['W_in']=attn.in_proj_weight.T",
            "--param", "params['b_in']=attn.in_proj_bias",
            "--param", "params['W_out']=attn.out_proj.weight.T",
            "--param", "params['b_out']=attn.out_proj.bias",
            "--param", "params['W_cls']=cls.weight.T",
            "--param", "params['b_cls']=cls.bias", *RUN]


def mha_manual():
    return [F + "mha_numpy.py:TwoHeadCLS", "--torch", F + "mha_manual_torch.py:ManualTwoHead",
            "--data", F + "mha.npz", "--as-written",
            "--param", "params['tok']=emb.weight",
            "--param", "params['pos']=pos",
            "--param", "params['W_in']=qkv.weight.T",
            "--param", "params['b_in']=qkv.bias",
            "--param", "params['W_out']=proj.weight.T",
            "--param", "params['b_out']=proj.bias",
            "--param", "params['W_cls']=head.weight.T",
            "--param", "params['b_cls']=head.bias", *RUN]


def mha_loop():
    return [F + "mha_loop_numpy.py:LoopTwoHead", "--torch", F + "mha_torch.py:TwoHeadCLS",
            "--data", F + "mha.npz", "--as-written",
            "--param", "weights['emb']=tok.weight",
            "--param", "weights['pos_emb']=pos",
            "--param", "weights['Wqkv']=attn.in_proj_weight.T",
            "--param", "weights['bqkv']=attn.in_proj_bias",
            "--param", "weights['Wo']=attn.out_proj.weight",
            "--param", "weights['bo']=attn.out_proj.bias",
            "--param", "weights['Wc']=cls.weight",
            "--param", "weights['bc']=cls.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UP01", "side": "port", "args": att(port="01_scale_port.py"),
     "mechanism": "attention scores divided by d_model (16) instead of sqrt(d_model) (4): the "
                  "softmax temperature four times too high",
     "expected": ("scale", "sqrt", "temperature", "d_model", "scaling")},
    {"id": "UP02", "side": "port", "args": att(port="02_softmaxdim_port.py"),
     "mechanism": "F.softmax(scores, dim=1) over the query axis of the (N, Tq, Tk) scores instead "
                  "of dim=-1 over the keys",
     "expected": ("softmax", "dim", "axis", "query", "key")},
    {"id": "UP03", "side": "port", "args": att(port="03_warmup_port.py"),
     "mechanism": "LambdaLR warm-up written min(1, step / warmup) with LambdaLR's 0-based step: "
                  "the first update has lr 0 and every warm-up lr is one step behind",
     "expected": ("warm-up", "warmup", "schedule", "off-by-one", "learning rate", "lr")},
    {"id": "UP04", "side": "port", "args": att(port="04_adaml2_port.py"),
     "mechanism": "torch.optim.Adam(weight_decay=0.01) (L2 added to the gradient, coupled) where the "
                  "NumPy program decays the weights decoupled, AdamW style",
     "expected": ("weight decay", "weight_decay", "decoupled", "coupled", "adamw", "l2")},
    {"id": "UP05", "side": "port", "args": mha(port="05_nomask_port.py"),
     "mechanism": "key_padding_mask not passed to nn.MultiheadAttention: the CLS query attends to "
                  "the padding tokens",
     "expected": ("mask", "padding", "key_padding_mask", "pad")},
    {"id": "UP06", "side": "port", "args": mha(port="06_lasttoken_port.py"),
     "mechanism": "classifier reads h[:, -1] (the last position, often padding) instead of the CLS "
                  "position h[:, 0]",
     "expected": ("cls", "first token", "last", "position", "index", "readout")},
    {"id": "UP07", "side": "port", "args": mha(port="07_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999: "
                  "second moment and its bias correction differ from step 2",
     "expected": ("beta2", "betas", "second moment", "exp_avg_sq", "0.999")},
    {"id": "UP08", "side": "port", "args": mha(port="08_noresidual_port.py"),
     "mechanism": "the residual connection left out: h = attention(x) instead of x + attention(x)",
     "expected": ("residual", "skip", "skip connection", "x +")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UP09", "side": "numpy", "args": att(numpy="09_softmaxgrad_numpy.py"),
     "mechanism": "softmax backward ds = a * da, the - sum_j(a_j da_j) term of the Jacobian left "
                  "out (elementwise derivative): wrong Wq, Wk (and below) gradients",
     "expected": ("softmax", "jacobian", "derivative", "backward", "sum")},
    {"id": "UP10", "side": "numpy", "args": att(numpy="10_posmean_numpy.py"),
     "mechanism": "positional-embedding gradient dx.mean(axis=0) instead of dx.sum(axis=0) over the "
                  "batch: P.grad 32 times too small",
     "expected": ("mean", "sum", "reduction", "batch", "positional", "32")},
    {"id": "UP11", "side": "numpy", "args": att(numpy="11_embassign_numpy.py"),
     "mechanism": "embedding gradient by dE[X] += dx (buffered fancy-index assignment) instead of "
                  "np.add.at: repeated tokens contribute only once",
     "expected": ("add.at", "repeated", "duplicate", "scatter", "embedding", "accumulate")},
    {"id": "UP12", "side": "numpy", "args": att(numpy="12_decaylr_numpy.py"),
     "mechanism": "decoupled weight decay applied with the peak lr (p *= 1 - lr_max * wd) instead of "
                  "the warmed-up lr of the step",
     "expected": ("weight decay", "decay", "warm-up", "warmup", "schedule", "learning rate")},
    {"id": "UP13", "side": "numpy", "args": mha(numpy="13_dktranspose_numpy.py"),
     "mechanism": "key gradient dk = ds @ q instead of ds^T @ q (transpose of the score gradient "
                  "left out): wrong key part of W_in / b_in gradients and below",
     "expected": ("transpose", "key", "dk", "w_in", "in_proj")},
    {"id": "UP14", "side": "numpy", "args": mha(numpy="14_maskzero_numpy.py"),
     "mechanism": "padded keys' scores set to 0 instead of -1e9 / -inf before the softmax, so the "
                  "padding keeps attention weight",
     "expected": ("mask", "padding", "-inf", "pad", "masked")},
    {"id": "UP15", "side": "numpy", "args": mha(numpy="15_epssqrt_numpy.py"),
     "mechanism": "Adam eps added inside the square root: sqrt(v_hat + eps) instead of "
                  "sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "square root", "denominator")},
    {"id": "UP16", "side": "numpy", "args": mha(numpy="16_headsplit_numpy.py"),
     "mechanism": "heads split and merged by a bare reshape (N, T, d) -> (N, H, T, dh) without the "
                  "transpose from (N, T, H, dh): heads mix positions and features",
     "expected": ("head", "heads", "reshape", "transpose", "split")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UP17", "side": "correct", "args": att_einsum(),
     "mechanism": "correct: einsum formulation with weights kept (out, in), softmax backward as "
                  "a*da - a*<a, da>, embedding gradient by one-hot product, in-place AdamW",
     "expected": ()},
    {"id": "UP18", "side": "correct", "args": mha_manual(),
     "mechanism": "correct: port with hand-written two-head attention (packed nn.Linear qkv, "
                  "masked_fill -inf) and warm-up set on the param group in train_step",
     "expected": ()},
    {"id": "UP19", "side": "correct", "args": mha_loop(),
     "mechanism": "correct: NumPy program looping over heads, additive mask, backward through the "
                  "CLS query only, out/cls weights kept (out, in), Adam state per parameter",
     "expected": ()},
]
