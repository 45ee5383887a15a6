export declare const GENERATED_DIR: string;
export declare function generatedFiles(): Map<string, string>;
export declare function staleFiles(): string[];
