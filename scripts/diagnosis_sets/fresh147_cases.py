"""One hundred forty-seventh fresh held-out set for the diagnosis: one planted bug per program in fresh147/,
sixteen bugs and three correct programs. The theme is a tiny character-level GPT written by hand:
token and learned position embeddings, pre-LayerNorm transformer blocks with multi-head causal
self-attention, an MLP with residuals, a final LayerNorm and a language-model head, cross entropy
over every position of every sequence, trained with AdamW.

Data (fresh147/make_data.py, seed 147): chars.npz, X int64 (32, 8) token ids over a 16-character
vocabulary drawn from a fixed random Markov chain, y int64 (32, 8) the next token of each
position. The whole set is one batch; nothing random is drawn during training.

Base A, gpt_tied_numpy.py:TiedGPT against gpt_tied_port.py:TiedGPT: d=16, 2 heads of 8,
block_size 8, one pre-LN block (fused qkv weight Wqkv (16, 48) with bias bqkv, scores scaled by
1/sqrt(8), causal mask, heads merged, Wo/bo), MLP 16-64-16 with the tanh GELU, final LayerNorm,
logits = LN_f(x) @ wte.T (the LM head tied to the token embedding: its gradient is the lookup
scatter-add plus the head's term), cross entropy averaged over the 256 positions, AdamW lr 1e-2,
betas (0.9, 0.999), eps 1e-8, decoupled weight decay 0.1 on the 2-D parameters only (wte, wpe,
Wqkv, Wo, W1, W2). The NumPy side writes LayerNorm, attention (softmax backward), GELU and the
embedding backward by hand, weights (in, out); the port uses nn.Embedding, nn.LayerNorm,
nn.Linear, F.scaled_dot_product_attention(is_causal=True), nn.GELU(approximate="tanh"),
F.cross_entropy and torch.optim.AdamW with two parameter groups.

Base B, gpt2l_numpy.py:TwoLayerGPT against gpt2l_port.py:TwoLayerGPT: d=16, 4 heads of 4,
two pre-LN blocks with bias-free Wq, Wk, Wv, a biased Wo, a ReLU MLP 16-64-16, final LayerNorm
and an untied head Wout/bout, cross entropy averaged over all positions, AdamW lr 3e-3,
weight decay 0.05 on every parameter. The NumPy side keeps a flat dict (h0_Wq, ..., bout),
weights (in, out), LayerNorm via x.var, the attention mask by boolean indexing with -inf,
np.add.at for the token embedding gradient; the port writes the attention out (three
nn.Linear, masked_fill of a registered tril buffer, F.softmax) in an nn.ModuleList of blocks,
with torch.optim.AdamW(model.parameters()).

Correct variants: base A's port through nn.MultiheadAttention (boolean causal attn_mask);
base B's NumPy program with every weight kept (out, in) and the update in the textbook
m_hat / (sqrt(v_hat) + eps) form with the decay folded in; base B's port on a plain
nn.ParameterDict in the NumPy layout with einsum attention and AdamW written by hand
(moments as buffers), stepped by --torch-step.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh147_cases

Each case:
    id          short name (prefixed TQ)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every run
                is --as-written on chars.npz, 20 steps, float32 on cpu, with every parameter paired
                by --param
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor the other sets;
validated by exit status alone (each buggy program exits 1 and its fixed copy 0, each correct
program 0).
"""

F = "scripts/diagnosis_sets/fresh147/"

COMMON = ["--as-written", "--data", F + "chars.npz", "--steps", "20", "--dtype", "float32",
          "--device", "cpu"]

_A_PAIRS = [("wte", "wte.weight"), ("wpe", "wpe.weight"),
            ("ln1_g", "block.ln_1.weight"), ("ln1_b", "block.ln_1.bias"),
            ("Wqkv", "block.attn.c_attn.weight.T"), ("bqkv", "block.attn.c_attn.bias"),
            ("Wo", "block.attn.c_proj.weight.T"), ("bo", "block.attn.c_proj.bias"),
            ("ln2_g", "block.ln_2.weight"), ("ln2_b", "block.ln_2.bias"),
            ("W1", "block.mlp.c_fc.weight.T"), ("b1", "block.mlp.c_fc.bias"),
            ("W2", "block.mlp.c_proj.weight.T"), ("b2", "block.mlp.c_proj.bias"),
            ("lnf_g", "ln_f.weight"), ("lnf_b", "ln_f.bias")]


def _params(pairs):
    out = []
    for np_name, torch_name in pairs:
        out += ["--param", f"params['{np_name}']={torch_name}"]
    return out


PA = _params(_A_PAIRS)
PA_MHA = _params([(n, t.replace("attn.c_attn.weight", "attn.mha.in_proj_weight")
                      .replace("attn.c_attn.bias", "attn.mha.in_proj_bias")
                      .replace("attn.c_proj.", "attn.mha.out_proj.")) for n, t in _A_PAIRS])


def _b_pairs(transpose):
    T = ".T" if transpose else ""
    pairs = [("wte", "wte.weight"), ("wpe", "wpe.weight")]
    for l in range(2):
        pairs += [(f"h{l}_ln1_g", f"blocks.{l}.ln1.weight"), (f"h{l}_ln1_b", f"blocks.{l}.ln1.bias"),
                  (f"h{l}_Wq", f"blocks.{l}.query.weight{T}"), (f"h{l}_Wk", f"blocks.{l}.key.weight{T}"),
                  (f"h{l}_Wv", f"blocks.{l}.value.weight{T}"), (f"h{l}_Wo", f"blocks.{l}.proj.weight{T}"),
                  (f"h{l}_bo", f"blocks.{l}.proj.bias"),
                  (f"h{l}_ln2_g", f"blocks.{l}.ln2.weight"), (f"h{l}_ln2_b", f"blocks.{l}.ln2.bias"),
                  (f"h{l}_W1", f"blocks.{l}.fc1.weight{T}"), (f"h{l}_b1", f"blocks.{l}.fc1.bias"),
                  (f"h{l}_W2", f"blocks.{l}.fc2.weight{T}"), (f"h{l}_b2", f"blocks.{l}.fc2.bias")]
    pairs += [("lnf_g", "ln_f.weight"), ("lnf_b", "ln_f.bias"),
              ("Wout", f"lm_head.weight{T}"), ("bout", "lm_head.bias")]
    return pairs


PB = _params(_b_pairs(True))
PB_OUT_IN = _params(_b_pairs(False))
PB_PLAIN = _params([(n, f"params.{n}") for n, _ in _b_pairs(True)])

A_NUMPY = F + "gpt_tied_numpy.py:TiedGPT"
A_PORT = F + "gpt_tied_port.py:TiedGPT"
B_NUMPY = F + "gpt2l_numpy.py:TwoLayerGPT"
B_PORT = F + "gpt2l_port.py:TwoLayerGPT"


def _port_a(name):
    return [A_NUMPY, "--torch", F + name + ":TiedGPT"] + COMMON + PA


def _port_b(name):
    return [B_NUMPY, "--torch", F + name + ":TwoLayerGPT"] + COMMON + PB


def _numpy_a(name):
    return [F + name + ":TiedGPT", "--torch", A_PORT] + COMMON + PA


def _numpy_b(name):
    return [F + name + ":TwoLayerGPT", "--torch", B_PORT] + COMMON + PB


CASES = [
    {"id": "TQ01", "side": "port", "args": _port_a("01_nocausal_port.py"),
     "mechanism": "F.scaled_dot_product_attention called without is_causal=True: every position attends to the future tokens",
     "expected": ("causal", "mask", "future", "is_causal")},
    {"id": "TQ02", "side": "port", "args": _port_a("02_decayall_port.py"),
     "mechanism": "AdamW built on model.parameters() with weight_decay for all: biases and LayerNorm gains/shifts are decayed too, not only the matrices",
     "expected": ("weight decay", "decay", "bias", "layernorm", "no_decay")},
    {"id": "TQ03", "side": "port", "args": _port_a("03_beta2_port.py"),
     "mechanism": "AdamW betas=(0.9, 0.99) instead of (0.9, 0.999): wrong second-moment decay rate beta2",
     "expected": ("beta2", "betas", "second moment", "exp_avg_sq", "0.999")},
    {"id": "TQ04", "side": "port", "args": _port_a("04_headmerge_port.py"),
     "mechanism": "heads merged by y.reshape(B, T, C) on the (B, nh, T, hs) output without transposing heads and time back",
     "expected": ("transpose", "heads", "merge", "reshape", "permute")},
    {"id": "TQ05", "side": "port", "args": _port_b("05_scale_port.py"),
     "mechanism": "attention scores scaled by 1/sqrt(n_embd) instead of 1/sqrt(head_size)",
     "expected": ("scale", "sqrt", "head size", "d_head", "temperature")},
    {"id": "TQ06", "side": "port", "args": _port_b("06_sumloss_port.py"),
     "mechanism": "F.cross_entropy(..., reduction='sum') where the NumPy program averages over all B*T positions",
     "expected": ("sum", "mean", "reduction", "number of positions", "batch size")},
    {"id": "TQ07", "side": "port", "args": _port_b("07_adaml2_port.py"),
     "mechanism": "torch.optim.Adam(weight_decay=...) (an L2 term added to the gradient) instead of AdamW's decoupled weight decay",
     "expected": ("decoupled", "adamw", "l2", "weight decay")},
    {"id": "TQ08", "side": "port", "args": _port_b("08_zerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: gradients accumulate across steps",
     "expected": ("zero_grad", "accumulat", "zero grad")},
    {"id": "TQ09", "side": "numpy", "args": _numpy_a("09_geluderiv_numpy.py"),
     "mechanism": "tanh-GELU derivative drops the factor 3 of d/dx (x + 0.044715 x^3): inner derivative 1 + 0.044715 x^2",
     "expected": ("gelu", "derivative", "activation")},
    {"id": "TQ10", "side": "numpy", "args": _numpy_a("10_tiedgrad_numpy.py"),
     "mechanism": "tied LM head: the head's gradient dlogits^T h is not added to the token-embedding gradient (only the lookup's scatter-add kept)",
     "expected": ("tied", "tying", "shared", "lm head", "embedding")},
    {"id": "TQ11", "side": "numpy", "args": _numpy_a("11_lnbackward_numpy.py"),
     "mechanism": "LayerNorm backward leaves out the mean(dxhat) term (the gradient through the mean subtraction)",
     "expected": ("layernorm", "layer norm", "normalization", "mean")},
    {"id": "TQ12", "side": "numpy", "args": _numpy_a("12_softmaxaxis_numpy.py"),
     "mechanism": "attention softmax backward sums dP*P over the query axis (-2) instead of the key axis (-1)",
     "expected": ("softmax", "axis", "attention")},
    {"id": "TQ13", "side": "numpy", "args": _numpy_b("13_scatter_numpy.py"),
     "mechanism": "token-embedding gradient by fancy-index += (G['wte'][X] += dx) instead of np.add.at: repeated tokens keep only one contribution",
     "expected": ("add.at", "repeated", "duplicate", "scatter", "embedding")},
    {"id": "TQ14", "side": "numpy", "args": _numpy_b("14_unbiasedvar_numpy.py"),
     "mechanism": "LayerNorm forward uses the unbiased variance (ddof=1) where nn.LayerNorm uses the biased one",
     "expected": ("variance", "unbiased", "ddof", "bessel", "layernorm")},
    {"id": "TQ15", "side": "numpy", "args": _numpy_b("15_residorder_numpy.py"),
     "mechanism": "block backward adds the MLP branch's gradient (dx = dx + db) into the residual stream only after the attention branch: the attention weights miss it",
     "expected": ("residual", "skip", "order", "attention")},
    {"id": "TQ16", "side": "numpy", "args": _numpy_b("16_biascorr_numpy.py"),
     "mechanism": "AdamW step size lr without the first-moment bias correction 1/(1 - beta1^t)",
     "expected": ("bias correction", "bias-correct", "beta1", "1 - beta")},
    {"id": "TQ17", "side": "correct", "args": [A_NUMPY, "--torch", F + "gpt_tied_mha_port.py:TiedGPT"] + COMMON + PA_MHA,
     "mechanism": "correct: base A's port with nn.MultiheadAttention and a boolean causal attn_mask",
     "expected": ()},
    {"id": "TQ18", "side": "correct", "args": [F + "gpt2l_layout_numpy.py:TwoLayerGPT", "--torch", B_PORT] + COMMON + PB_OUT_IN,
     "mechanism": "correct: base B's NumPy program with weights kept (out, in) and the textbook AdamW form",
     "expected": ()},
    {"id": "TQ19", "side": "correct", "args": [B_NUMPY, "--torch", F + "gpt2l_plain_port.py:PlainGPT"] + COMMON + PB_PLAIN
     + ["--torch-step", "train_step(model, X, y)"],
     "mechanism": "correct: base B's port on a plain ParameterDict with einsum attention and a hand-written AdamW",
     "expected": ()},
]
